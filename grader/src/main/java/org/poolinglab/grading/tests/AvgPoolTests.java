package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertMap;
import static org.poolinglab.grading.MapAssert.copy;
import static org.poolinglab.grading.MapAssert.literal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("avg-pool-padding")
public class AvgPoolTests {

    private final Answers.AvgPool answer = Submitted.answer(Answers.AvgPool.class);

    @Test
    @Points(3)
    @DisplayName("the lesson's 4x4 map gives [[3.5, 2.5], [4.5, 4.0]]")
    void lessonExample() {
        assertMap(Cases.LESSON_AVERAGE, answer.apply(copy(Cases.LESSON), 2, 2, 0, true), "avgPool(lesson map, 2, 2, 0, true)");
    }

    @Test
    @Points(3)
    @DisplayName("padding counted: a 3x3 window, stride 2, padding 1 divides by 9")
    void paddingCounted() {
        check(Cases.LESSON, 3, 2, 1, true);
    }

    @Test
    @Points(3)
    @DisplayName("padding not counted: the same window divides by the real cells only")
    void paddingNotCounted() {
        check(Cases.LESSON, 3, 2, 1, false);
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("many sizes, windows, strides and paddings, both ways of counting")
    void manySettings() {
        long seed = 21;
        for (int[] setting : Cases.slidingSettings()) {
            for (int padding = 0; padding <= setting[2] / 2; padding++) {
                double[][] x = Cases.map(seed++, setting[0], setting[1], -4, 9);
                check(x, setting[2], setting[3], padding, true);
                check(x, setting[2], setting[3], padding, false);
            }
        }
    }

    @Test
    @Points(2)
    @Hidden
    @DisplayName("negative values and a 1x1 map")
    void negativeValuesAndOneCell() {
        check(Cases.map(31, 5, 5, -9, -1), 3, 2, 1, false);
        check(new double[][] {{-3}}, 1, 1, 0, true);
    }

    private void check(double[][] x, int window, int stride, int padding, boolean countIncludePad) {
        String call = "avgPool(" + literal(x) + ", " + window + ", " + stride + ", " + padding + ", " + countIncludePad + ")";
        assertMap(Cases.avgPool(x, window, stride, padding, countIncludePad),
                answer.apply(copy(x), window, stride, padding, countIncludePad), call);
    }
}
