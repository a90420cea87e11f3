package org.poolinglab;

import java.util.Arrays;

/**
 * The result of {@link Pooling#maxPoolWithIndices}: the pooled map, and for each of its cells where
 * the maximum came from, as PyTorch's {@code return_indices=True} gives it: the flat position
 * {@code h * W + w} within the cell's own input plane ({@code W} = the input's width).
 */
public final class PooledWithIndices {

    private final FeatureMap output;
    private final int[] indices;
    private final Size inputSize;

    PooledWithIndices(FeatureMap output, int[] indices, Size inputSize) {
        this.output = output;
        this.indices = indices;
        this.inputSize = inputSize;
    }

    /** The height and width of the map that was pooled: where the indices point. */
    public Size inputSize() {
        return inputSize;
    }

    /** The max-pooled map. */
    public FeatureMap output() {
        return output;
    }

    /** Every index, in the output's NCHW order; a fresh copy. */
    public int[] indices() {
        return indices.clone();
    }

    /** The indices themselves, not a copy: for the loops of this package, which never write them. */
    int[] indicesView() {
        return indices;
    }

    /** Where the maximum in output cell {@code (n, c, h, w)} came from: {@code row * inputWidth + column}. */
    public int index(int n, int c, int h, int w) {
        Check.index("n", n, output.batch());
        Check.index("c", c, output.channels());
        Check.index("h", h, output.height());
        Check.index("w", w, output.width());
        return indices[((n * output.channels() + c) * output.height() + h) * output.width() + w];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PooledWithIndices that
                && output.equals(that.output) && Arrays.equals(indices, that.indices)
                && inputSize.equals(that.inputSize);
    }

    @Override
    public int hashCode() {
        return (31 * output.hashCode() + Arrays.hashCode(indices)) * 31 + inputSize.hashCode();
    }

    @Override
    public String toString() {
        int[] shape = output.shape();
        float[] asFloats = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            asFloats[i] = indices[i];
        }
        String indexGrid = FeatureMap.of(shape, asFloats).toString().replaceFirst("^FeatureMap", "indices");
        return output + "\n" + indexGrid;
    }
}
