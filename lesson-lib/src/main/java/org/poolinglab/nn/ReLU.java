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
            grad[i] = passWherePositive(output[i], grad[i]);
        }
        return FeatureMap.wrap(shape, grad);
    }

    /**
     * {@code output <= 0 ? 0 : gradient}: the gradient passes where the output was positive (or NaN, as
     * in PyTorch). Written with a mask of bits, all ones or all zeros, rather than as a choice between
     * two numbers: the processor would guess that choice wrong for about half the cells (half a ReLU's
     * outputs are 0, in no pattern), and the guesses made this loop three times slower.
     */
    private static float passWherePositive(float output, float gradient) {
        int mask = output <= 0 ? 0 : -1;
        return Float.intBitsToFloat(Float.floatToRawIntBits(gradient) & mask);
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
