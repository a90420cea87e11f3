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
    @Points(3)
    @DisplayName("the lesson's 4x4 map gives [[3.5, 2.5], [4.5, 4.0]]")
    void lessonExample() {
        Calls<double[][]> calls = Calls.maps();
        calls.add("avgPool(lesson map, 2, 2, 0, true)", Cases.LESSON_AVERAGE, answer.apply(copy(Cases.LESSON), 2, 2, 0, true),
                variants(Cases.LESSON, 2, 2, 0, true));
        calls.verify();
    }

    @Test
    @Points(3)
    @DisplayName("padding counted: a 3x3 window, stride 2, padding 1 divides by 9")
    void paddingCounted() {
        add(Calls.maps(), Cases.LESSON, 3, 2, 1, true).verify();
    }

    @Test
    @Points(3)
    @DisplayName("padding not counted: the same window divides by the real cells only")
    void paddingNotCounted() {
        add(Calls.maps(), Cases.LESSON, 3, 2, 1, false).verify();
    }

    @Test
    @Points(4)
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
    @Points(2)
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
                variants(x, window, stride, padding, countIncludePad));
    }

    /** What each typical mistake gives for {@code avgPool(x, window, stride, padding, countIncludePad)}. */
    private static List<Variant<double[][]>> variants(double[][] x, int window, int stride, int padding,
                                                      boolean countIncludePad) {
        double[][] expected = Cases.avgPool(x, window, stride, padding, countIncludePad);
        return List.of(
                Variant.of(Mistake.PADDING_ALWAYS_COUNTED, () -> Cases.avgPool(x, window, stride, padding, true)),
                Variant.of(Mistake.PADDING_NEVER_COUNTED, () -> Cases.avgPool(x, window, stride, padding, false),
                        window * window),
                Variant.of(Mistake.MAX_NOT_AVERAGE, () -> Pooling.maxPool(FeatureMap.of(x),
                        PoolSpec.of(window).stride(stride).padding(padding)).toArray()),
                Variant.of(Mistake.PADDING_LEFT_OUT, () -> Cases.avgPool(x, window, stride, 0, countIncludePad), padding),
                Variant.of(Mistake.AVERAGE_STRIDE_ONE, () -> Cases.avgPool(x, window, 1, padding, countIncludePad), stride),
                Variant.of(Mistake.AVERAGE_STRIDE_ONE, () -> Cases.topLeft(Cases.avgPool(x, window, 1, padding,
                        countIncludePad), expected.length, expected[0].length), stride));
    }
}
