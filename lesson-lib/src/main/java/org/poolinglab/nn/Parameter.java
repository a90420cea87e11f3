package org.poolinglab.nn;

import java.util.Arrays;
import java.util.Random;

/**
 * A tensor a network learns, such as a convolution's filters: its current values and the gradient of
 * the loss with respect to them. Both are live arrays owned by the layer: backward passes add to
 * {@link #grad()}, {@link Sgd} changes {@link #value()} in place.
 */
public final class Parameter {

    private final String name;
    private final int[] shape;
    private final float[] value;
    private final float[] grad;

    Parameter(String name, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        this.value = new float[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        this.grad = new float[value.length];
    }

    /**
     * A parameter whose values start uniform in {@code [-bound, bound]}, drawn from {@code random}
     * in row-major order: PyTorch's default start for the weights and biases of its layers.
     */
    static Parameter uniform(String name, float bound, Random random, int... shape) {
        Parameter parameter = new Parameter(name, shape);
        for (int i = 0; i < parameter.value.length; i++) {
            parameter.value[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return parameter;
    }

    /** What it is, e.g. {@code "weight"} or {@code "bias"}. */
    public String name() {
        return name;
    }

    /** The tensor's shape, e.g. {@code {8, 1, 3, 3}} for 8 filters of 1 channel, 3x3; a fresh copy. */
    public int[] shape() {
        return shape.clone();
    }

    /** How many numbers it holds. */
    public int size() {
        return value.length;
    }

    /** The values, flat and row-major like {@link org.poolinglab.FeatureMap}: the live array, not a copy. */
    public float[] value() {
        return value;
    }

    /** The gradient, in the same layout as {@link #value()}: the live array, not a copy. */
    public float[] grad() {
        return grad;
    }

    /**
     * Replaces every value, e.g. with filters from elsewhere.
     *
     * @param values exactly {@link #size()} numbers, row-major; copied, not modified
     */
    public void set(float[] values) {
        if (values == null) {
            throw new NullPointerException(name + " values must not be null");
        }
        if (values.length != value.length) {
            throw new IllegalArgumentException(name + " values must have " + value.length + " numbers (shape "
                    + describe(shape) + ") but have " + values.length);
        }
        System.arraycopy(values, 0, value, 0, value.length);
    }

    /** Sets the gradient to zero, ready for the next batch. */
    public void zeroGrad() {
        Arrays.fill(grad, 0);
    }

    /** Name and shape, e.g. {@code weight 8x1x3x3}. */
    @Override
    public String toString() {
        return name + " " + describe(shape);
    }

    static String describe(int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return text.toString();
    }
}
