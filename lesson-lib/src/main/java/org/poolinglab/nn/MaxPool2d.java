package org.poolinglab.nn;

import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.PooledWithIndices;
import org.poolinglab.Pooling;

/**
 * Max pooling as a layer, PyTorch's {@code nn.MaxPool2d}: {@link Pooling#maxPoolWithIndices} forward,
 * which also records where each window's maximum was; backward, each output cell's whole gradient goes
 * to that one input cell ({@link Pooling#maxPoolBackward(PooledWithIndices, FeatureMap)}), and every
 * other cell gets none. Nothing to learn.
 */
public final class MaxPool2d extends Layer {

    private final PoolSpec spec;
    /** The last forward pass: its output and where each maximum came from. */
    private PooledWithIndices pooled;

    /** A {@code window x window} window moving {@code window} cells at a time, e.g. {@code new MaxPool2d(2)}. */
    public MaxPool2d(int window) {
        this(PoolSpec.of(window));
    }

    /** Any window, stride, padding, dilation or ceil mode. */
    public MaxPool2d(PoolSpec spec) {
        this.spec = Check.notNull("spec", spec);
    }

    @Override
    public FeatureMap forward(FeatureMap input) {
        pooled = Pooling.maxPoolWithIndices(input, spec);
        return pooled.output();
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        Check.forwardDone(pooled, "MaxPool2d");
        Check.sameShape("gradOutput", gradOutput, pooled.output().shape());
        return Pooling.maxPoolBackward(pooled, gradOutput);
    }

    @Override
    public Shape outputShape(Shape input) {
        return input.withSize(spec.outputShape(input.height(), input.width()));
    }

    /** E.g. {@code MaxPool2d(2x2 max pooling, stride 2)}. */
    @Override
    public String toString() {
        return "MaxPool2d(" + spec.describe(PoolType.MAX) + ")";
    }
}
