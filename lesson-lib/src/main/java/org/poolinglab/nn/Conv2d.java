package org.poolinglab.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.poolinglab.FeatureMap;
import org.poolinglab.Parallel;
import org.poolinglab.Size;

/**
 * A convolution layer, PyTorch's {@code nn.Conv2d}: {@code outChannels} learned filters, each
 * {@code inChannels x kh x kw} with one bias, slid over the input with a stride, over zero padding:
 * <pre>
 * out[n][k][oh][ow] = bias[k] + sum over c, i, j of weight[k][c][i][j] * in[n][c][oh*sh + i - ph][ow*sw + j - pw]
 * </pre>
 * (an input cell outside the image is padding, 0). The filter is not flipped (cross-correlation, like
 * every deep-learning library). Along each axis the output has {@code floor((in + 2p - k) / s) + 1} cells.
 *
 * <p><b>As a matrix product.</b> Each output cell sees {@code C x kh x kw} input cells, its
 * <i>patch</i>. Write the patches of an image as a matrix {@code patches[t][o]}, one row per filter
 * tap {@code t = (c, i, j)} and one column per output cell {@code o = (oh, ow)} ("im2col": see
 * {@link Im2col}). Then the sum above is a row of {@code weight} times a column of {@code patches}, and
 * for all filters at once
 * <pre>
 * out = weight x patches + bias          (K x T) times (T x cells)
 * </pre>
 * The backward pass is the chain rule on that product, with {@code dOut} the gradient of the output:
 * <pre>
 * dWeight += dOut x patches^T            dBias += the sum of each row of dOut
 * dPatches = weight^T x dOut             then each patch cell's gradient is added to the input cell it came from
 * </pre>
 * The products run over whole rows ({@link Vectors}). Images are computed in parallel, and so are the
 * filters' gradients (each sums over the images in order).
 */
public final class Conv2d extends Layer {

    private final int inChannels;
    private final int outChannels;
    private final Size kernel;
    private Size stride = new Size(1, 1);
    private Size padding = new Size(0, 0);
    private final Parameter weight;
    private Parameter bias;

    /** Kept by {@link #forward} for {@link #backward}: where the patches come from, and each image's patches. */
    private Im2col im2col;
    private float[][][] patches;

    /** {@code outChannels} square filters of {@code kernelSize x kernelSize}; stride 1, no padding. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, Random random) {
        this(inChannels, outChannels, kernelSize, kernelSize, random);
    }

    /**
     * {@code outChannels} filters of {@code kernelHeight x kernelWidth} over {@code inChannels}
     * channels, with a bias each; stride 1, no padding. Weights and biases start as PyTorch starts
     * them: uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, {@code fanIn = inChannels * kh * kw}.
     *
     * @param random the source of the starting weights: the same seed gives the same layer
     */
    public Conv2d(int inChannels, int outChannels, int kernelHeight, int kernelWidth, Random random) {
        this.inChannels = Check.atLeast("inChannels", inChannels, 1);
        this.outChannels = Check.atLeast("outChannels", outChannels, 1);
        this.kernel = new Size(Check.atLeast("kernelHeight", kernelHeight, 1),
                Check.atLeast("kernelWidth", kernelWidth, 1));
        Check.notNull("random", random);
        float bound = (float) (1 / Math.sqrt(inChannels * kernelHeight * kernelWidth));
        this.weight = Parameter.uniform("weight", bound, random, outChannels, inChannels, kernelHeight, kernelWidth);
        this.bias = Parameter.uniform("bias", bound, random, outChannels);
    }

    /** Moves the filters {@code stride} cells at a time in both directions; returns this layer. */
    public Conv2d stride(int stride) {
        return stride(stride, stride);
    }

    /** Moves the filters {@code height} rows and {@code width} columns at a time; returns this layer. */
    public Conv2d stride(int height, int width) {
        stride = new Size(Check.atLeast("stride height", height, 1), Check.atLeast("stride width", width, 1));
        return this;
    }

    /** Adds {@code padding} rows or columns of zeros on every side; returns this layer. */
    public Conv2d padding(int padding) {
        return padding(padding, padding);
    }

    /** Adds {@code height} rows of zeros above and below, {@code width} columns left and right; returns this layer. */
    public Conv2d padding(int height, int width) {
        padding = new Size(Check.atLeast("padding height", height, 0), Check.atLeast("padding width", width, 0));
        return this;
    }

    /** Drops the bias (PyTorch's {@code bias=False}); returns this layer. */
    public Conv2d withoutBias() {
        bias = null;
        return this;
    }

    /** The filters, shape {@code outChannels x inChannels x kh x kw}. */
    public Parameter weight() {
        return weight;
    }

    /** One bias per filter, or none after {@link #withoutBias()}. */
    public Optional<Parameter> bias() {
        return Optional.ofNullable(bias);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public Shape outputShape(Shape in) {
        Check.argument(in.channels() == inChannels, () -> "input channels must be " + inChannels + " for " + this
                + " but was " + in.channels());
        int height = outputLength(in.height(), kernel.height(), stride.height(), padding.height(), "height");
        int width = outputLength(in.width(), kernel.width(), stride.width(), padding.width(), "width");
        return new Shape(outChannels, height, width);
    }

    /** Every output cell multiplies a whole filter, padding cells included: {@code out cells x C x kh x kw}. */
    @Override
    public long multiplyAdds(Shape in) {
        return (long) outputShape(in).size() * inChannels * kernel.height() * kernel.width();
    }

    @Override
    public FeatureMap forward(FeatureMap in) {
        Check.notNull("input", in);
        Shape out = outputShape(Shape.of(in));
        if (!fits(im2col, in)) {
            im2col = new Im2col(in.batch(), inChannels, in.size(), kernel, stride, padding,
                    new Size(out.height(), out.width()));
            patches = new float[in.batch()][im2col.taps][im2col.cells];
        }
        float[] input = in.toFloatArray();
        float[] output = new float[in.batch() * out.size()];
        int cells = im2col.cells;
        inParallel(in.batch(), n -> {
            float[][] imagePatches = im2col.gather(input, n, patches[n]);
            float[][] rows = new float[outChannels][cells];
            for (int k = 0; k < outChannels; k++) {
                Arrays.fill(rows[k], bias == null ? 0 : bias.value()[k]);
            }
            addWeightsTimesPatches(rows, imagePatches);
            for (int k = 0; k < outChannels; k++) {
                System.arraycopy(rows[k], 0, output, (n * outChannels + k) * cells, cells);
            }
        });
        return FeatureMap.wrap(new int[] {in.batch(), outChannels, out.height(), out.width()}, output);
    }

    /**
     * {@code rows += weight x patches}: row {@code k} gets {@code weight[k][t] * patches[t]} for each tap
     * {@code t} in order. Four filters at a time, so each patch row is read once for four output rows.
     */
    private void addWeightsTimesPatches(float[][] rows, float[][] patches) {
        float[] w = weight.value();
        int taps = im2col.taps;
        int k = 0;
        for (; k + 4 <= outChannels; k += 4) {
            for (int t = 0; t < taps; t++) {
                Vectors.addScaledFour(rows[k], rows[k + 1], rows[k + 2], rows[k + 3], patches[t],
                        w[k * taps + t], w[(k + 1) * taps + t], w[(k + 2) * taps + t], w[(k + 3) * taps + t]);
            }
        }
        for (; k < outChannels; k++) {
            for (int t = 0; t < taps; t++) {
                Vectors.addScaled(rows[k], patches[t], w[k * taps + t]);
            }
        }
    }

    /** Whether {@code im2col} was made for inputs of this shape with this layer's current stride and padding. */
    private boolean fits(Im2col im2col, FeatureMap in) {
        return im2col != null && im2col.batch == in.batch() && im2col.input.equals(in.size())
                && im2col.stride.equals(stride) && im2col.padding.equals(padding);
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        float[] grad = gradOutputValues(gradOutput);
        addParameterGradients(grad);
        return inputGradient(grad);
    }

    /** Only the parameters' gradients: the input's is not needed when the input is the images themselves. */
    @Override
    void backwardToParameters(FeatureMap gradOutput) {
        addParameterGradients(gradOutputValues(gradOutput));
    }

    private float[] gradOutputValues(FeatureMap gradOutput) {
        Check.forwardDone(im2col, "Conv2d");
        Check.sameShape("gradOutput", gradOutput,
                new int[] {im2col.batch, outChannels, im2col.output.height(), im2col.output.width()});
        return gradOutput.toFloatArray();
    }

    /**
     * {@code dWeight += dOut x patches^T} and {@code dBias += the row sums of dOut}. For filter {@code k}
     * and tap {@code t} that is the sum over images {@code n} and output cells {@code o} of
     * {@code dOut[n][k][o] * patches[n][t][o]}: the products are first added up cell by cell over the
     * images in order, in whole rows, and each row is summed at the end. The filters are shared out
     * across the cores; each thread goes through the images once for all of its filters, so that an
     * image's patches are read while they are still in the processor's cache.
     */
    private void addParameterGradients(float[] grad) {
        int taps = im2col.taps;
        int cells = im2col.cells;
        Parallel.forEachRange(outChannels, (first, end) -> {
            float[][][] products = new float[end - first][taps][cells];
            float[][] gradSums = new float[end - first][cells];
            for (int n = 0; n < im2col.batch; n++) {
                for (int k = first; k < end; k++) {
                    float[] gradRow = Vectors.row(grad, n * outChannels + k, cells);
                    for (int t = 0; t < taps; t++) {
                        Vectors.addProducts(products[k - first][t], gradRow, patches[n][t]);
                    }
                    Vectors.addScaled(gradSums[k - first], gradRow, 1);
                }
            }
            for (int k = first; k < end; k++) {
                for (int t = 0; t < taps; t++) {
                    weight.grad()[k * taps + t] += Vectors.sum(products[k - first][t]);
                }
                if (bias != null) {
                    bias.grad()[k] += Vectors.sum(gradSums[k - first]);
                }
            }
        });
    }

    /**
     * {@code dPatches = weight^T x dOut}: each tap's row adds up {@code weight[k][t] * dOut[k]} over the
     * filters {@code k} in order, four at a time; then each patch cell's gradient is added to the input
     * cell it came from.
     */
    private FeatureMap inputGradient(float[] grad) {
        int taps = im2col.taps;
        int cells = im2col.cells;
        float[] w = weight.value();
        int[] inputShape = {im2col.batch, inChannels, im2col.input.height(), im2col.input.width()};
        float[] gradInput = new float[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        inParallel(im2col.batch, n -> {
            float[][] gradRows = Vectors.rows(Arrays.copyOfRange(grad, n * outChannels * cells,
                    (n + 1) * outChannels * cells), cells);
            float[][] gradPatches = new float[taps][cells];
            for (int t = 0; t < taps; t++) {
                int k = 0;
                for (; k + 4 <= outChannels; k += 4) {
                    Vectors.addScaledSumOfFour(gradPatches[t], gradRows[k], gradRows[k + 1], gradRows[k + 2],
                            gradRows[k + 3], w[k * taps + t], w[(k + 1) * taps + t], w[(k + 2) * taps + t],
                            w[(k + 3) * taps + t]);
                }
                for (; k < outChannels; k++) {
                    Vectors.addScaled(gradPatches[t], gradRows[k], w[k * taps + t]);
                }
            }
            im2col.scatterAdd(gradPatches, n, gradInput);
        });
        return FeatureMap.wrap(inputShape, gradInput);
    }

    private int outputLength(int in, int kernelLength, int strideLength, int pad, String axis) {
        int padded = in + 2 * pad;
        Check.argument(padded >= kernelLength, () -> "kernel " + axis + " " + kernelLength
                + " must fit in the padded input " + axis + " " + padded + " (" + in + " + 2 x " + pad + ") for "
                + this);
        return (padded - kernelLength) / strideLength + 1;
    }

    /** E.g. {@code Conv2d(1 -> 8, 3x3, stride 1, padding 1)}. */
    @Override
    public String toString() {
        return "Conv2d(" + inChannels + " -> " + outChannels + ", " + kernel + ", stride "
                + (stride.height() == stride.width() ? stride.height() : stride)
                + ", padding " + (padding.height() == padding.width() ? padding.height() : padding)
                + (bias == null ? ", no bias" : "") + ")";
    }
}
