package org.poolinglab.grading.tests;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.PoolSpec;
import org.poolinglab.exercises.Answers;
import org.poolinglab.exercises.PoolDesign;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Properties;
import org.poolinglab.grading.Properties.Symptom;
import org.poolinglab.grading.Submitted;

/**
 * Any design is right that gives the size asked for with overlapping windows: lesson-lib (PyTorch's rules)
 * pools with it, and its output size is what counts. Nothing here is the answer.
 */
@DisplayName("overlapping-pooling")
public class OverlappingPoolingTests {

    private final Answers.OverlappingPooling answer = Submitted.answer(Answers.OverlappingPooling.class);

    @Test
    @Points(4)
    @DisplayName("halving a 224x224 map (a classifier's first pooling) and taking 13x13 to 6x6 (AlexNet's last)")
    void classicSizes() {
        check(new int[][] {{224, 112}, {13, 6}});
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("odd and even sizes, halving and quartering")
    void otherSizes() {
        check(new int[][] {{55, 27}, {7, 3}, {100, 25}, {64, 32}});
    }

    private void check(int[][] targets) {
        Properties<PoolDesign> calls = new Properties<>();
        for (int[] target : targets) {
            int input = target[0];
            int output = target[1];
            calls.add("overlappingPooling(" + input + ", " + output + ")", answer.apply(input, output),
                    design -> problem(design, input, output), List.of(
                            Symptom.of(Mistake.WINDOWS_DO_NOT_OVERLAP, design -> design.window() <= design.stride()
                                    && output(design, input) == output,
                                    design -> new Object[] {design.window(), design.stride()}),
                            Symptom.of(Mistake.DESIGN_WITHOUT_THE_FIRST_WINDOW,
                                    design -> output(design, input) == output + 1,
                                    design -> new Object[] {output + 1})));
        }
        calls.verify();
    }

    /** Why the design does not take {@code input x input} to {@code output x output} with overlapping windows, or null. */
    private static String problem(PoolDesign design, int input, int output) {
        String call = "overlappingPooling(" + input + ", " + output + ") returned window " + design.window() + ", stride "
                + design.stride() + ", padding " + design.padding();
        if (design.window() < 1 || design.stride() < 1 || design.padding() < 0) {
            return call + ": window and stride must be at least 1, and padding at least 0";
        }
        if (2 * design.padding() > design.window()) {
            return call + ": PyTorch refuses padding over half the window";
        }
        int size = output(design, input);
        if (size != output) {
            return call + ", which gives " + (size < 1 ? "no output at all" : size + "x" + size) + ", not " + output + "x" + output;
        }
        if (design.window() <= design.stride()) {
            return call + ", whose windows do not overlap: the window must be larger than the stride";
        }
        return null;
    }

    /** The output side lesson-lib gives for the design; 0 when there is no output, -1 when the design is refused. */
    private static int output(PoolDesign design, int input) {
        try {
            return PoolSpec.of(design.window()).stride(design.stride()).padding(design.padding())
                    .outputShape(input, input).height();
        } catch (IllegalArgumentException e) {
            return e.getMessage().contains("output") ? 0 : -1;
        }
    }
}
