package org.poolinglab.exercises;

/**
 * The shape of each exercise's answer. A notebook hands its answer to {@link Check} as a lambda, e.g.
 * {@code Check.maxPool((x, window, stride) -> maxPool(x, window, stride))}; the grader builds the same
 * from the answer cell. Arrays are {@code [row][column]}; no answer may change the arrays it is given.
 */
public final class Answers {

    private Answers() {
    }

    /** {@code output-size}: the output length along one side. */
    @FunctionalInterface
    public interface OutputSize {
        int apply(int input, int window, int stride, int padding, boolean ceilMode);
    }

    /** {@code choose-pooling}: the pooling that does what a task needs. */
    @FunctionalInterface
    public interface ChoosePooling {
        PoolingChoice apply(PoolingTask task);
    }

    /** {@code max-pool}: max pooling without padding. */
    @FunctionalInterface
    public interface MaxPool {
        double[][] apply(double[][] x, int window, int stride);
    }

    /** {@code dense-weights}: the weights and biases of the dense layer at the end of a small CNN. */
    @FunctionalInterface
    public interface DenseWeights {
        long apply(int size, int[] filters, int pool, int units);
    }

    /** {@code overlapping-pooling}: window, stride and padding that take an {@code input x input} map to {@code output x output}, windows overlapping. */
    @FunctionalInterface
    public interface OverlappingPooling {
        PoolDesign apply(int input, int output);
    }

    /** {@code receptive-field}: the side of the input region one output cell of a stack of layers sees. */
    @FunctionalInterface
    public interface ReceptiveField {
        int apply(int[] windows, int[] strides);
    }

    /** {@code not-linear}: two {@code size x size} maps whose sum max pooling does not treat as the sum of their poolings. */
    @FunctionalInterface
    public interface NotLinear {
        MapPair apply(int size);
    }

    /** {@code aliasing}: a {@code size x size} map and a one-cell move that changes what stride-2 pooling and global pooling make of it. */
    @FunctionalInterface
    public interface Aliasing {
        MovedMap apply(int size);
    }

    /** {@code avg-pool-padding}: average pooling with zero padding, counting the padding or not. */
    @FunctionalInterface
    public interface AvgPool {
        double[][] apply(double[][] x, int window, int stride, int padding, boolean countIncludePad);
    }

    /** {@code avg-pool-backward}: the gradient of average pooling's {@code height x width} input from the gradient of its output. */
    @FunctionalInterface
    public interface AvgPoolBackward {
        double[][] apply(int height, int width, int window, int stride, int padding, boolean countIncludePad,
                         double[][] gradOutput);
    }

    /** {@code max-pool-backward}: the gradient of max pooling's input from the gradient of its output. */
    @FunctionalInterface
    public interface MaxPoolBackward {
        double[][] apply(double[][] x, int window, int stride, double[][] gradOutput);
    }
}
