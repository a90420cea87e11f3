package org.poolinglab.exercises;

import java.util.List;
import java.util.Optional;
import org.poolinglab.grading.tests.AveragingFilterTests;
import org.poolinglab.grading.tests.AvgPoolTests;
import org.poolinglab.grading.tests.ChoosePoolingTests;
import org.poolinglab.grading.tests.DenseWeightsTests;
import org.poolinglab.grading.tests.GlobalAvgPoolTests;
import org.poolinglab.grading.tests.MaxPoolBackwardTests;
import org.poolinglab.grading.tests.MaxPoolTests;
import org.poolinglab.grading.tests.OutputSizeTests;
import org.poolinglab.grading.tests.UnchangedShiftsTests;

/** Every exercise, in the order of the exercise notebook: from easy to hard. */
public final class Exercises {

    /** The exercise notebook's file name, in {@code solutions/} (the master) and {@code exercises/} (for students). */
    public static final String NOTEBOOK = "pooling-exercises.ipynb";

    public static final List<Exercise> ALL = List.of(
            new Exercise("output-size", "The output-size formula, with ceil mode",
                    "int outputSize(int input, int window, int stride, int padding, boolean ceilMode)", "outputSize",
                    Answers.OutputSize.class, OutputSizeTests.class, 10, "02-size-stride-padding"),
            new Exercise("max-pool", "Max pooling, any window and stride",
                    "double[][] maxPool(double[][] x, int window, int stride)", "maxPool",
                    Answers.MaxPool.class, MaxPoolTests.class, 15, "01-what-is-pooling"),
            new Exercise("global-avg-pool", "Global average pooling, one value per channel",
                    "double[] globalAvgPool(double[][][] x)", "globalAvgPool",
                    Answers.GlobalAvgPool.class, GlobalAvgPoolTests.class, 10, "05-global-pooling"),
            new Exercise("choose-pooling", "Max, average or global pooling: which one for the task?",
                    "PoolingChoice choosePooling(PoolingTask task)", "choosePooling",
                    Answers.ChoosePooling.class, ChoosePoolingTests.class, 8, "01-what-is-pooling"),
            new Exercise("dense-weights", "The weights of a dense layer, with and without pooling",
                    "long denseWeights(int size, int[] filters, int pool, int units)", "denseWeights",
                    Answers.DenseWeights.class, DenseWeightsTests.class, 10, "04-why-pool"),
            new Exercise("avg-as-conv", "Average pooling is a convolution",
                    "double[][] averagingFilter(int window)", "averagingFilter",
                    Answers.AveragingFilter.class, AveragingFilterTests.class, 10, "03-pooling-a-picture"),
            new Exercise("unchanged-shifts", "Which one-cell moves leave 2x2 max pooling unchanged?",
                    "Set<Shift> unchangedShifts(double[][] x)", "unchangedShifts",
                    Answers.UnchangedShifts.class, UnchangedShiftsTests.class, 10, "04-why-pool"),
            new Exercise("avg-pool-padding", "Average pooling with padding, both ways of counting",
                    "double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad)",
                    "avgPool", Answers.AvgPool.class, AvgPoolTests.class, 15, "02-size-stride-padding"),
            new Exercise("max-pool-backward", "The backward pass of max pooling",
                    "double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput)",
                    "maxPoolBackward", Answers.MaxPoolBackward.class, MaxPoolBackwardTests.class, 12,
                    "01-what-is-pooling"));

    private Exercises() {
    }

    /** The exercise with this id. */
    public static Optional<Exercise> byId(String id) {
        return ALL.stream().filter(exercise -> exercise.id().equals(id)).findFirst();
    }
}
