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

    /** {@code max-pool}: max pooling without padding. */
    @FunctionalInterface
    public interface MaxPool {
        double[][] apply(double[][] x, int window, int stride);
    }

    /** {@code avg-pool-padding}: average pooling with zero padding, counting the padding or not. */
    @FunctionalInterface
    public interface AvgPool {
        double[][] apply(double[][] x, int window, int stride, int padding, boolean countIncludePad);
    }

    /** {@code global-avg-pool}: one mean per channel of {@code x[channel][row][column]}. */
    @FunctionalInterface
    public interface GlobalAvgPool {
        double[] apply(double[][][] x);
    }

    /** {@code avg-as-conv}: the filter whose convolution is average pooling. */
    @FunctionalInterface
    public interface AveragingFilter {
        double[][] apply(int window);
    }

    /** {@code min-pool}: min pooling without padding. */
    @FunctionalInterface
    public interface MinPool {
        double[][] apply(double[][] x, int window, int stride);
    }

    /** {@code relu-max}: the larger of two numbers, from ReLU. */
    @FunctionalInterface
    public interface MaxOfTwo {
        double apply(double a, double b);
    }

    /** {@code max-pool-relu}: 2x2 max pooling, stride 2, from {@code MaxOfTwo}. */
    @FunctionalInterface
    public interface MaxPool2x2 {
        double[][] apply(double[][] x);
    }
}
