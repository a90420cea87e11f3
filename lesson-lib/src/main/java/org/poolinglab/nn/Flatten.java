package org.poolinglab.nn;

import org.poolinglab.FeatureMap;

/**
 * Lays each image's {@code C x H x W} values out as one vector of {@code C*H*W} features, in the
 * same order (channel by channel, row by row), for a {@link Linear} layer to read. The output is
 * {@code N x (C*H*W) x 1 x 1}, the shape of dense values in this package. Backward puts the gradient
 * back into the input's shape; nothing else changes, and nothing is copied ({@link FeatureMap#reshape}).
 */
public final class Flatten extends Layer {

    private int[] inputShape;

    @Override
    public FeatureMap forward(FeatureMap input) {
        Check.notNull("input", input);
        inputShape = input.shape();
        int features = input.channels() * input.height() * input.width();
        return input.reshape(input.batch(), features, 1, 1);
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        Check.forwardDone(inputShape, "Flatten");
        int[] flatShape = {inputShape[0], inputShape[1] * inputShape[2] * inputShape[3], 1, 1};
        Check.sameShape("gradOutput", gradOutput, flatShape);
        return gradOutput.reshape(inputShape);
    }

    @Override
    public Shape outputShape(Shape input) {
        return new Shape(input.size(), 1, 1);
    }

    @Override
    public String toString() {
        return "Flatten";
    }
}
