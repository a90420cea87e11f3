package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertMap;
import static org.poolinglab.grading.MapAssert.assertUnchanged;
import static org.poolinglab.grading.MapAssert.copy;
import static org.poolinglab.grading.MapAssert.literal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("max-pool")
public class MaxPoolTests {

    private final Answers.MaxPool answer = Submitted.answer(Answers.MaxPool.class);

    @Test
    @Points(3)
    @DisplayName("the lesson's 4x4 map gives [[6, 5], [8, 9]] and is left unchanged")
    void lessonExample() {
        double[][] input = copy(Cases.LESSON);
        assertMap(Cases.LESSON_MAX, answer.apply(input, 2, 2), "maxPool(lesson map, 2, 2)");
        assertUnchanged(Cases.LESSON, input, "maxPool(lesson map, 2, 2)");
    }

    @Test
    @Points(4)
    @DisplayName("maps of several sizes, windows and strides")
    void severalSizes() {
        long seed = 1;
        for (int[] setting : Cases.slidingSettings()) {
            check(Cases.map(seed++, setting[0], setting[1], 0, 9), setting[2], setting[3]);
        }
    }

    @Test
    @Points(2)
    @DisplayName("a map of negative values (the maximum can be below 0)")
    void negativeValues() {
        check(Cases.map(11, 4, 4, -9, -1), 2, 2);
    }

    @Test
    @Points(3)
    @Hidden
    @DisplayName("non-square maps with a stride larger than the window")
    void strideLargerThanWindow() {
        check(Cases.map(12, 5, 9, -5, 5), 2, 3);
        check(Cases.map(13, 9, 6, -5, 5), 3, 4);
    }

    @Test
    @Points(1)
    @Hidden
    @DisplayName("a 1x1 map")
    void oneCell() {
        check(new double[][] {{-2.5}}, 1, 1);
    }

    @Test
    @Points(2)
    @Hidden
    @DisplayName("overlapping 3x3 windows, stride 1")
    void overlappingWindows() {
        check(Cases.map(14, 6, 5, -3, 9), 3, 1);
    }

    private void check(double[][] x, int window, int stride) {
        String call = "maxPool(" + literal(x) + ", " + window + ", " + stride + ")";
        assertMap(Cases.maxPool(x, window, stride), answer.apply(copy(x), window, stride), call);
    }
}
