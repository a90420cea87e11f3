package org.poolinglab.grading.tests;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.poolinglab.grading.MapAssert.assertUnchanged;
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

@DisplayName("max-pool")
public class MaxPoolTests {

    private final Answers.MaxPool answer = Submitted.answer(Answers.MaxPool.class);

    @Test
    @Points(3)
    @DisplayName("the lesson's 4x4 map gives [[6, 5], [8, 9]] and is left unchanged")
    void lessonExample() {
        double[][] input = copy(Cases.LESSON);
        Calls<double[][]> calls = Calls.maps();
        calls.add("maxPool(lesson map, 2, 2)", Cases.LESSON_MAX, answer.apply(input, 2, 2), variants(Cases.LESSON, 2, 2));
        calls.verify();
        assertUnchanged(Cases.LESSON, input, "maxPool(lesson map, 2, 2)");
    }

    @Test
    @Points(4)
    @DisplayName("maps of several sizes, windows and strides")
    void severalSizes() {
        Calls<double[][]> calls = Calls.maps();
        long seed = 1;
        for (int[] setting : Cases.slidingSettings()) {
            add(calls, Cases.map(seed++, setting[0], setting[1], 0, 9), setting[2], setting[3]);
        }
        calls.verify();
    }

    @Test
    @Points(2)
    @DisplayName("a map of negative values (the maximum can be below 0)")
    void negativeValues() {
        add(Calls.maps(), Cases.map(11, 4, 4, -9, -1), 2, 2).verify();
    }

    @Test
    @Points(3)
    @Hidden
    @DisplayName("non-square maps with a stride larger than the window")
    void strideLargerThanWindow() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.map(12, 5, 9, -5, 5), 2, 3);
        add(calls, Cases.map(13, 9, 6, -5, 5), 3, 4);
        calls.verify();
    }

    @Test
    @Points(1)
    @Hidden
    @DisplayName("a 1x1 map, pooled into a new array")
    void oneCell() {
        add(Calls.maps(), new double[][] {{-2.5}}, 1, 1).verify();
        double[][] x = {{-2.5}};
        assertNotSame(x, answer.apply(x, 1, 1), "maxPool({{-2.5}}, 1, 1) returned the array it was given: return a new one");
    }

    @Test
    @Points(2)
    @Hidden
    @DisplayName("overlapping 3x3 windows, stride 1")
    void overlappingWindows() {
        add(Calls.maps(), Cases.map(14, 6, 5, -3, 9), 3, 1).verify();
    }

    private Calls<double[][]> add(Calls<double[][]> calls, double[][] x, int window, int stride) {
        return calls.add("maxPool(" + literal(x) + ", " + window + ", " + stride + ")", Cases.maxPool(x, window, stride),
                answer.apply(copy(x), window, stride), variants(x, window, stride));
    }

    /** What each typical mistake gives for {@code maxPool(x, window, stride)}. */
    static List<Variant<double[][]>> variants(double[][] x, int window, int stride) {
        double[][] expected = Cases.maxPool(x, window, stride);
        int rows = expected.length;
        int cols = expected[0].length;
        return List.of(
                Variant.of(Mistake.STRIDE_ONE, () -> stride == 1 ? expected : Cases.maxPool(x, window, 1), stride),
                Variant.of(Mistake.STRIDE_ONE, () -> Cases.topLeft(Cases.maxPool(x, window, 1), rows, cols), stride),
                Variant.of(Mistake.AVERAGE_NOT_MAX, () -> Cases.avgPool(x, window, stride, 0, true)),
                Variant.of(Mistake.ROWS_AND_COLUMNS_SWAPPED, () -> Cases.transpose(expected)),
                Variant.of(Mistake.MAX_STARTED_AT_ZERO, () -> atLeastZero(expected)),
                Variant.of(Mistake.LAST_WINDOW_DROPPED, () -> Cases.topLeft(expected, rows - 1, cols - 1)),
                Variant.of(Mistake.PARTIAL_WINDOW_ADDED, () -> Pooling.maxPool(FeatureMap.of(x),
                        PoolSpec.of(window).stride(stride).ceilMode(true)).toArray()));
    }

    private static double[][] atLeastZero(double[][] map) {
        double[][] result = copy(map);
        for (double[] row : result) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.max(0, row[c]);
            }
        }
        return result;
    }
}
