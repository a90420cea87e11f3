package org.poolinglab.exercises;

import java.util.Set;

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

    /** {@code max-pool}: max pooling without padding. */
    @FunctionalInterface
    public interface MaxPool {
        double[][] apply(double[][] x, int window, int stride);
    }

    /** {@code global-avg-pool}: one mean per channel of {@code x[channel][row][column]}. */
    @FunctionalInterface
    public interface GlobalAvgPool {
        double[] apply(double[][][] x);
    }

    /** {@code choose-pooling}: the pooling that does what a task needs. */
    @FunctionalInterface
    public interface ChoosePooling {
        PoolingChoice apply(PoolingTask task);
    }

    /** {@code dense-weights}: the weights and biases of the dense layer at the end of a small CNN. */
    @FunctionalInterface
    public interface DenseWeights {
        long apply(int size, int[] filters, int pool, int units);
    }

    /** {@code avg-pool-padding}: average pooling with zero padding, counting the padding or not. */
    @FunctionalInterface
    public interface AvgPool {
        double[][] apply(double[][] x, int window, int stride, int padding, boolean countIncludePad);
    }

    /** {@code avg-as-conv}: the filter whose convolution is average pooling. */
    @FunctionalInterface
    public interface AveragingFilter {
        double[][] apply(int window);
    }

    /** {@code unchanged-shifts}: the one-cell moves of a map that leave its 2x2 max pooling as it was. */
    @FunctionalInterface
    public interface UnchangedShifts {
        Set<Shift> apply(double[][] x);
    }

    /** {@code max-pool-backward}: the gradient of max pooling's input from the gradient of its output. */
    @FunctionalInterface
    public interface MaxPoolBackward {
        double[][] apply(double[][] x, int window, int stride, double[][] gradOutput);
    }
}
