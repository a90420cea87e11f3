package org.poolinglab.exercises;

import java.util.List;
import java.util.Optional;
import org.poolinglab.grading.tests.AliasingTests;
import org.poolinglab.grading.tests.AvgPoolBackwardTests;
import org.poolinglab.grading.tests.AvgPoolTests;
import org.poolinglab.grading.tests.ChoosePoolingTests;
import org.poolinglab.grading.tests.DenseWeightsTests;
import org.poolinglab.grading.tests.MaxPoolBackwardTests;
import org.poolinglab.grading.tests.MaxPoolTests;
import org.poolinglab.grading.tests.NotLinearTests;
import org.poolinglab.grading.tests.OutputSizeTests;
import org.poolinglab.grading.tests.OverlappingPoolingTests;
import org.poolinglab.grading.tests.ReceptiveFieldTests;

/** Every exercise, in the order of the exercise notebook: from easy to hard. */
public final class Exercises {

    /** The exercise notebook's file name, in {@code solutions/} (the master) and {@code exercises/} (for students). */
    public static final String NOTEBOOK = "pooling-exercises.ipynb";

    public static final List<Exercise> ALL = List.of(
            new Exercise("output-size", "The output-size formula, with ceil mode",
                    "int outputSize(int input, int window, int stride, int padding, boolean ceilMode)", "outputSize",
                    Answers.OutputSize.class, OutputSizeTests.class, 8, "02-size-stride-padding"),
            new Exercise("choose-pooling", "Max, average or global pooling: which one for the task?",
                    "PoolingChoice choosePooling(PoolingTask task)", "choosePooling",
                    Answers.ChoosePooling.class, ChoosePoolingTests.class, 6, "01-what-is-pooling"),
            new Exercise("max-pool", "Max pooling, any window and stride",
                    "double[][] maxPool(double[][] x, int window, int stride)", "maxPool",
                    Answers.MaxPool.class, MaxPoolTests.class, 12, "01-what-is-pooling"),
            new Exercise("overlapping-pooling", "Design an overlapping pooling for a given output size",
                    "PoolDesign overlappingPooling(int input, int output)", "overlappingPooling",
                    Answers.OverlappingPooling.class, OverlappingPoolingTests.class, 8, "02-size-stride-padding"),
            new Exercise("dense-weights", "The weights of a dense layer, with and without pooling",
                    "long denseWeights(int size, int[] filters, int pool, int units)", "denseWeights",
                    Answers.DenseWeights.class, DenseWeightsTests.class, 8, "04-why-pool"),
            new Exercise("not-linear", "Max pooling is no convolution: a counterexample",
                    "MapPair notLinear(int size)", "notLinear",
                    Answers.NotLinear.class, NotLinearTests.class, 8, "03-pooling-a-picture"),
            new Exercise("receptive-field", "What one output cell sees: the receptive field of a stack",
                    "int receptiveField(int[] windows, int[] strides)", "receptiveField",
                    Answers.ReceptiveField.class, ReceptiveFieldTests.class, 10, "07-pooling-in-deeper-networks"),
            new Exercise("avg-pool-padding", "Average pooling with padding, both ways of counting",
                    "double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad)",
                    "avgPool", Answers.AvgPool.class, AvgPoolTests.class, 10, "02-size-stride-padding"),
            new Exercise("aliasing", "A one-cell move that stride-2 pooling does not forgive",
                    "MovedMap aliasing(int size)", "aliasing",
                    Answers.Aliasing.class, AliasingTests.class, 10, "04-why-pool"),
            new Exercise("avg-pool-backward", "The backward pass of average pooling, with padding",
                    "double[][] avgPoolBackward(int height, int width, int window, int stride, int padding, "
                            + "boolean countIncludePad, double[][] gradOutput)",
                    "avgPoolBackward", Answers.AvgPoolBackward.class, AvgPoolBackwardTests.class, 10,
                    "06-pooling-in-a-network"),
            new Exercise("max-pool-backward", "The backward pass of max pooling",
                    "double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput)",
                    "maxPoolBackward", Answers.MaxPoolBackward.class, MaxPoolBackwardTests.class, 10,
                    "06-pooling-in-a-network"));

    private Exercises() {
    }

    /** The exercise with this id. */
    public static Optional<Exercise> byId(String id) {
        return Exercises.ALL.stream().filter(exercise -> exercise.id().equals(id)).findFirst();
    }
}
