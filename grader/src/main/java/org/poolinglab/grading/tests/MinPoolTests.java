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

@DisplayName("min-pool")
public class MinPoolTests {

    private final Answers.MinPool answer = Submitted.answer(Answers.MinPool.class);

    @Test
    @Points(3)
    @DisplayName("the lesson's 4x4 map, 2x2 window, stride 2")
    void lessonExample() {
        check(Cases.LESSON, 2, 2);
    }

    @Test
    @Points(3)
    @DisplayName("maps of several sizes, windows and strides")
    void severalSizes() {
        long seed = 61;
        for (int[] setting : Cases.slidingSettings()) {
            check(Cases.map(seed++, setting[0], setting[1], 0, 9), setting[2], setting[3]);
        }
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("negative values and overlapping windows")
    void negativeValuesAndOverlap() {
        check(Cases.map(71, 5, 6, -9, 9), 3, 1);
        check(Cases.map(72, 4, 4, -9, -1), 2, 2);
    }

    private void check(double[][] x, int window, int stride) {
        double[][] expected = Cases.negate(Cases.maxPool(Cases.negate(x), window, stride));
        assertMap(expected, answer.apply(copy(x), window, stride), "minPool(" + literal(x) + ", " + window + ", " + stride + ")");
    }
}
