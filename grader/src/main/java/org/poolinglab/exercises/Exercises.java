package org.poolinglab.exercises;

import java.util.List;
import java.util.Optional;
import org.poolinglab.grading.tests.AveragingFilterTests;
import org.poolinglab.grading.tests.AvgPoolTests;
import org.poolinglab.grading.tests.GlobalAvgPoolTests;
import org.poolinglab.grading.tests.MaxOfTwoTests;
import org.poolinglab.grading.tests.MaxPool2x2Tests;
import org.poolinglab.grading.tests.MaxPoolTests;
import org.poolinglab.grading.tests.MinPoolTests;
import org.poolinglab.grading.tests.OutputSizeTests;

/** Every exercise, in the order of the exercise notebook. */
public final class Exercises {

    /** The exercise notebook's file name, in {@code solutions/} (the master) and {@code exercises/} (for students). */
    public static final String NOTEBOOK = "pooling-exercises.ipynb";

    public static final List<Exercise> ALL = List.of(
            new Exercise("output-size", "The output-size formula, with ceil mode",
                    "int outputSize(int input, int window, int stride, int padding, boolean ceilMode)", "outputSize",
                    Answers.OutputSize.class, OutputSizeTests.class, 10),
            new Exercise("max-pool", "Max pooling from scratch",
                    "double[][] maxPool(double[][] x, int window, int stride)", "maxPool",
                    Answers.MaxPool.class, MaxPoolTests.class, 15),
            new Exercise("avg-pool-padding", "Average pooling with padding, both ways of counting",
                    "double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad)",
                    "avgPool", Answers.AvgPool.class, AvgPoolTests.class, 15),
            new Exercise("global-avg-pool", "Global average pooling, one value per channel",
                    "double[] globalAvgPool(double[][][] x)", "globalAvgPool",
                    Answers.GlobalAvgPool.class, GlobalAvgPoolTests.class, 10),
            new Exercise("avg-as-conv", "Average pooling is a convolution",
                    "double[][] averagingFilter(int window)", "averagingFilter",
                    Answers.AveragingFilter.class, AveragingFilterTests.class, 10),
            new Exercise("min-pool", "Min pooling from max pooling",
                    "double[][] minPool(double[][] x, int window, int stride)", "minPool",
                    Answers.MinPool.class, MinPoolTests.class, 10),
            new Exercise("relu-max", "The larger of two numbers, from ReLU",
                    "double maxOfTwo(double a, double b)", "maxOfTwo",
                    Answers.MaxOfTwo.class, MaxOfTwoTests.class, 15),
            new Exercise("max-pool-relu", "2x2 max pooling built from ReLU",
                    "double[][] maxPool2x2(double[][] x)", "maxPool2x2",
                    Answers.MaxPool2x2.class, MaxPool2x2Tests.class, 15));

    private Exercises() {
    }

    /** The exercise with this id. */
    public static Optional<Exercise> byId(String id) {
        return ALL.stream().filter(exercise -> exercise.id().equals(id)).findFirst();
    }
}
