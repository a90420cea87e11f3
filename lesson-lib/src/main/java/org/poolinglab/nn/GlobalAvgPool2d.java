package org.poolinglab.nn;

import org.poolinglab.FeatureMap;
import org.poolinglab.Pooling;

/**
 * Global average pooling as a layer, PyTorch's {@code nn.AdaptiveAvgPool2d(1)}: each channel's mean over
 * its whole map, {@code N x C x H x W} in, {@code N x C x 1 x 1} out ({@link Pooling#globalAvgPool}).
 * The output is already one value per channel, so a {@link Linear} layer can read it without a
 * {@link Flatten}: the head of ResNet and most networks since. Backward
 * ({@link Pooling#globalAvgPoolBackward}), every cell of a map gets its channel's gradient divided by
 * {@code H x W}. Nothing to learn.
 */
public final class GlobalAvgPool2d extends Layer {

    /** The last input, kept for {@link #backward} (a feature map never changes, so no copy is needed). */
    private FeatureMap input;
    private FeatureMap output;

    @Override
    public FeatureMap forward(FeatureMap input) {
        output = Pooling.globalAvgPool(input);
        this.input = input;
        return output;
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        Check.forwardDone(input, "GlobalAvgPool2d");
        Check.sameShape("gradOutput", gradOutput, output.shape());
        return Pooling.globalAvgPoolBackward(input, gradOutput);
    }

    @Override
    public Shape outputShape(Shape input) {
        return new Shape(input.channels(), 1, 1);
    }

    @Override
    public String toString() {
        return "GlobalAvgPool2d";
    }
}
