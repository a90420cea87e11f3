package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.copy;
import static org.poolinglab.grading.MapAssert.literal;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;

@DisplayName("avg-pool-padding")
public class AvgPoolTests {

    private final Answers.AvgPool answer = Submitted.answer(Answers.AvgPool.class);

    @Test
    @Points(2)
    @DisplayName("the lesson's 4x4 map gives [[3.5, 2.5], [4.5, 4.0]]; with 3x3 windows, stride 1, padding 1 not counted")
    void lessonMap() {
        Calls<double[][]> calls = Calls.maps();
        calls.add("avgPool(lesson map, 2, 2, 0, true)", Cases.LESSON_AVERAGE, answer.apply(copy(Cases.LESSON), 2, 2, 0, true),
                AvgPoolMistakes.variants(Cases.LESSON, 2, 2, 0, true));
        add(calls, Cases.LESSON, 3, 1, 1, false);
        calls.verify();
    }

    @Test
    @Points(2)
    @DisplayName("padding counted: a 3x3 window, stride 2, padding 1 divides by 9")
    void paddingCounted() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.LESSON, 3, 2, 1, true);
        add(calls, Cases.map(32, 5, 6, 0, 9), 3, 2, 1, true);
        calls.verify();
    }

    @Test
    @Points(2)
    @DisplayName("padding not counted: the same windows divide by the real cells only")
    void paddingNotCounted() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.LESSON, 3, 2, 1, false);
        add(calls, Cases.map(32, 5, 6, 0, 9), 3, 2, 1, false);
        calls.verify();
    }

    @Test
    @Points(3)
    @Hidden
    @DisplayName("many sizes, windows, strides and paddings, both ways of counting")
    void manySettings() {
        Calls<double[][]> calls = Calls.maps();
        long seed = 21;
        for (int[] setting : Cases.slidingSettings()) {
            for (int padding = 0; padding <= setting[2] / 2; padding++) {
                double[][] x = Cases.map(seed++, setting[0], setting[1], -4, 9);
                add(calls, x, setting[2], setting[3], padding, true);
                add(calls, x, setting[2], setting[3], padding, false);
            }
        }
        calls.verify();
    }

    @Test
    @Points(1)
    @Hidden
    @DisplayName("negative values and a 1x1 map")
    void negativeValuesAndOneCell() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.map(31, 5, 5, -9, -1), 3, 2, 1, false);
        add(calls, new double[][] {{-3}}, 1, 1, 0, true);
        calls.verify();
    }

    private Calls<double[][]> add(Calls<double[][]> calls, double[][] x, int window, int stride, int padding,
                                  boolean countIncludePad) {
        String call = "avgPool(" + literal(x) + ", " + window + ", " + stride + ", " + padding + ", " + countIncludePad + ")";
        return calls.add(call, Cases.avgPool(x, window, stride, padding, countIncludePad),
                answer.apply(copy(x), window, stride, padding, countIncludePad),
                AvgPoolMistakes.variants(x, window, stride, padding, countIncludePad));
    }
}
