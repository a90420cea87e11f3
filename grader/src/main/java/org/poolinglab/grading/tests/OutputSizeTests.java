package org.poolinglab.grading.tests;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.PoolSpec;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("output-size")
public class OutputSizeTests {

    private final Answers.OutputSize answer = Submitted.answer(Answers.OutputSize.class);

    @Test
    @Points(1)
    @DisplayName("the lesson's 4x4 map with a 2x2 window, stride 2 and stride 1")
    void lessonMap() {
        check(false, new int[][] {{4, 2, 2, 0}, {4, 2, 1, 0}});
    }

    @Test
    @Points(3)
    @DisplayName("floor mode over many inputs, windows and strides")
    void floorMode() {
        check(false, new int[][] {{28, 2, 2, 0}, {5, 2, 2, 0}, {7, 2, 3, 0}, {1, 1, 1, 0}, {10, 4, 3, 0}, {9, 3, 1, 0}});
    }

    @Test
    @Points(2)
    @DisplayName("padding on both sides")
    void withPadding() {
        check(false, new int[][] {{7, 3, 2, 1}, {224, 3, 2, 1}, {6, 4, 1, 2}, {5, 5, 5, 2}});
    }

    @Test
    @Points(1)
    @DisplayName("ceil mode keeps a last, partial window")
    void ceilMode() {
        check(true, new int[][] {{5, 2, 2, 0}, {7, 3, 2, 0}, {10, 3, 3, 0}, {6, 4, 3, 0}});
    }

    @Test
    @Points(1)
    @Hidden
    @DisplayName("ceil mode drops a last window that would start in the padding")
    void ceilModeDropsAWindowStartingInThePadding() {
        check(true, new int[][] {{5, 2, 2, 1}, {3, 2, 2, 1}, {9, 3, 4, 1}, {1, 3, 3, 1}});
    }

    /** Each setting is {input, window, stride, padding}. */
    private void check(boolean ceilMode, int[][] settings) {
        Calls<Double> calls = Calls.numbers();
        for (int[] setting : settings) {
            int input = setting[0];
            int window = setting[1];
            int stride = setting[2];
            int padding = setting[3];
            calls.add("outputSize(" + input + ", " + window + ", " + stride + ", " + padding + ", " + ceilMode + ")",
                    size(input, window, stride, padding, ceilMode),
                    (double) answer.apply(input, window, stride, padding, ceilMode),
                    OutputSizeMistakes.variants(input, window, stride, padding, ceilMode));
        }
        calls.verify();
    }

    /** lesson-lib's output size (PyTorch's). */
    static double size(int input, int window, int stride, int padding, boolean ceilMode) {
        return PoolSpec.of(window).stride(stride).padding(padding).ceilMode(ceilMode).outputShape(input, input).height();
    }
}
