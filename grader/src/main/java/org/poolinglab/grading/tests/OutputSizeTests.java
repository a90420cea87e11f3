package org.poolinglab.grading.tests;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.PoolSpec;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;

@DisplayName("output-size")
public class OutputSizeTests {

    private final Answers.OutputSize answer = Submitted.answer(Answers.OutputSize.class);

    @Test
    @Points(2)
    @DisplayName("the lesson's 4x4 map with a 2x2 window and stride 2")
    void lessonExample() {
        check(false, new int[][] {{4, 2, 2, 0}});
    }

    @Test
    @Points(3)
    @DisplayName("floor mode over many settings")
    void floorMode() {
        check(false, new int[][] {{7, 3, 2, 1}, {28, 2, 2, 0}, {5, 2, 2, 0}, {7, 2, 3, 0}, {1, 1, 1, 0},
                {224, 3, 2, 1}, {6, 4, 1, 2}});
    }

    @Test
    @Points(2)
    @DisplayName("ceil mode keeps a last, partial window")
    void ceilMode() {
        check(true, new int[][] {{5, 2, 2, 0}, {7, 3, 2, 0}, {10, 3, 3, 0}, {6, 4, 3, 0}});
    }

    @Test
    @Points(3)
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
                    size(input, window, stride, padding, 0, ceilMode),
                    (double) answer.apply(input, window, stride, padding, ceilMode),
                    variants(input, window, stride, padding, ceilMode));
        }
        calls.verify();
    }

    private static List<Variant<Double>> variants(int input, int window, int stride, int padding, boolean ceilMode) {
        double expected = size(input, window, stride, padding, 0, ceilMode);
        return List.of(
                Variant.of(Mistake.FLOOR_AND_CEIL_SWAPPED, () -> size(input, window, stride, padding, 0, !ceilMode)),
                Variant.of(Mistake.CEIL_KEEPS_A_WINDOW_IN_THE_PADDING, () -> ceilMode
                        ? Math.floorDiv(input + 2 * padding - window + stride - 1, stride) + 1.0 : expected),
                Variant.of(Mistake.PLUS_ONE_FORGOTTEN, () -> expected - 1),
                Variant.of(Mistake.PADDING_ON_ONE_SIDE, () -> size(input, window, stride, padding, -padding, ceilMode)));
    }

    /** lesson-lib's output size, with {@code extraBottom} more (or, negative, less) padding after the input. */
    private static double size(int input, int window, int stride, int padding, int extraBottom, boolean ceilMode) {
        return PoolSpec.of(window).stride(stride).padding(padding, padding, padding + extraBottom, padding)
                .ceilMode(ceilMode).outputShape(input, input).height();
    }
}
