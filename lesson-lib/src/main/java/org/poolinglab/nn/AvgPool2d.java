package org.poolinglab.nn;

import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Pooling;

/**
 * Average pooling as a layer, PyTorch's {@code nn.AvgPool2d}: {@link Pooling#avgPool} forward;
 * backward ({@link Pooling#avgPoolBackward}), each output cell's gradient is divided by the window's
 * divisor and shared equally by the cells the window averaged. Nothing to learn.
 */
public final class AvgPool2d extends Layer {

    private final PoolSpec spec;
    /** The last input, kept for {@link #backward} (a feature map never changes, so no copy is needed). */
    private FeatureMap input;
    private FeatureMap output;

    /** A {@code window x window} window moving {@code window} cells at a time, e.g. {@code new AvgPool2d(2)}. */
    public AvgPool2d(int window) {
        this(PoolSpec.of(window));
    }

    /** Any window, stride, padding, ceil mode, count_include_pad or divisor. */
    public AvgPool2d(PoolSpec spec) {
        this.spec = Check.notNull("spec", spec);
    }

    @Override
    public FeatureMap forward(FeatureMap input) {
        output = Pooling.avgPool(input, spec);
        this.input = input;
        return output;
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        Check.forwardDone(input, "AvgPool2d");
        Check.sameShape("gradOutput", gradOutput, output.shape());
        return Pooling.avgPoolBackward(input, spec, gradOutput);
    }

    @Override
    public Shape outputShape(Shape input) {
        return input.withSize(spec.outputShape(input.height(), input.width()));
    }

    /** E.g. {@code AvgPool2d(2x2 average pooling, stride 2)}. */
    @Override
    public String toString() {
        return "AvgPool2d(" + spec.describe(PoolType.AVERAGE) + ")";
    }
}
