package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertNumber;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poolinglab.PoolSpec;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("output-size")
public class OutputSizeTests {

    private final Answers.OutputSize answer = Submitted.answer(Answers.OutputSize.class);

    @Test
    @Points(2)
    @DisplayName("the lesson's 4x4 map with a 2x2 window and stride 2")
    void lessonExample() {
        check(4, 2, 2, 0, false);
    }

    @ParameterizedTest(name = "in={0} window={1} stride={2} padding={3}")
    @CsvSource({"7, 3, 2, 1", "28, 2, 2, 0", "5, 2, 2, 0", "7, 2, 3, 0", "1, 1, 1, 0", "224, 3, 2, 1", "6, 4, 1, 2"})
    @Points(3)
    @DisplayName("floor mode over many settings")
    void floorMode(int input, int window, int stride, int padding) {
        check(input, window, stride, padding, false);
    }

    @ParameterizedTest(name = "in={0} window={1} stride={2} padding={3}")
    @CsvSource({"5, 2, 2, 0", "7, 3, 2, 0", "10, 3, 3, 0", "6, 4, 3, 0"})
    @Points(2)
    @DisplayName("ceil mode keeps a last, partial window")
    void ceilMode(int input, int window, int stride, int padding) {
        check(input, window, stride, padding, true);
    }

    @ParameterizedTest(name = "in={0} window={1} stride={2} padding={3}")
    @CsvSource({"5, 2, 2, 1", "3, 2, 2, 1", "9, 3, 4, 1", "1, 3, 3, 1"})
    @Points(3)
    @Hidden
    @DisplayName("ceil mode drops a last window that would start in the padding")
    void ceilModeDropsAWindowStartingInThePadding(int input, int window, int stride, int padding) {
        check(input, window, stride, padding, true);
    }

    private void check(int input, int window, int stride, int padding, boolean ceilMode) {
        int expected = PoolSpec.of(window).stride(stride).padding(padding).ceilMode(ceilMode)
                .outputShape(input, input).height();
        assertNumber(expected, answer.apply(input, window, stride, padding, ceilMode),
                "outputSize(" + input + ", " + window + ", " + stride + ", " + padding + ", " + ceilMode + ")");
    }
}
