package org.poolinglab.nn;

import org.poolinglab.FeatureMap;

/**
 * The rectifier, PyTorch's {@code nn.ReLU}: {@code out = max(in, 0)}, cell by cell. Its gradient is 1
 * where the output is positive and 0 elsewhere, so the backward pass lets the gradient through exactly
 * where the forward pass let the value through.
 */
public final class ReLU extends Layer {

    /** The last output, kept for {@link #backward}: where it is positive, the gradient passes. */
    private float[] output;
    private int[] shape;

    @Override
    public FeatureMap forward(FeatureMap input) {
        Check.notNull("input", input);
        float[] values = input.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(values[i], 0); // NaN stays NaN, as in PyTorch
        }
        output = values;
        shape = input.shape();
        return FeatureMap.wrap(shape, values);
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        Check.forwardDone(output, "ReLU");
        Check.sameShape("gradOutput", gradOutput, shape);
        float[] grad = gradOutput.toFloatArray();
        for (int i = 0; i < grad.length; i++) {
            if (output[i] <= 0) {
                grad[i] = 0;
            }
        }
        return FeatureMap.wrap(shape, grad);
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
