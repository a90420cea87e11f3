package org.poolinglab.grading.tests;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.poolinglab.grading.MapAssert.assertUnchanged;
import static org.poolinglab.grading.MapAssert.copy;
import static org.poolinglab.grading.MapAssert.literal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("max-pool")
public class MaxPoolTests {

    private final Answers.MaxPool answer = Submitted.answer(Answers.MaxPool.class);

    @Test
    @Points(2)
    @DisplayName("the lesson's 4x4 map gives [[6, 5], [8, 9]] and is left unchanged; with stride 1, a 3x3 map")
    void lessonExample() {
        double[][] input = copy(Cases.LESSON);
        Calls<double[][]> calls = Calls.maps();
        calls.add("maxPool(lesson map, 2, 2)", Cases.LESSON_MAX, answer.apply(input, 2, 2),
                MaxPoolMistakes.variants(Cases.LESSON, 2, 2));
        add(calls, Cases.LESSON, 2, 1);
        calls.verify();
        assertUnchanged(Cases.LESSON, input, "maxPool(lesson map, 2, 2)");
    }

    @Test
    @Points(3)
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
    @DisplayName("maps of negative values (the maximum can be below 0)")
    void negativeValues() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.map(11, 4, 4, -9, -1), 2, 2);
        add(calls, Cases.map(15, 5, 3, -20, -10), 2, 1);
        calls.verify();
    }

    @Test
    @Points(2)
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
    @DisplayName("1x1 maps, pooled into new arrays")
    void oneCell() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, new double[][] {{-2.5}}, 1, 1);
        add(calls, new double[][] {{7}}, 1, 1);
        calls.verify();
        double[][] x = {{-2.5}};
        assertNotSame(x, answer.apply(x, 1, 1), "maxPool({{-2.5}}, 1, 1) returned the array it was given: return a new one");
    }

    @Test
    @Points(2)
    @Hidden
    @DisplayName("overlapping 3x3 windows, stride 1")
    void overlappingWindows() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.map(14, 6, 5, -3, 9), 3, 1);
        add(calls, Cases.map(16, 4, 4, 0, 9), 3, 1);
        calls.verify();
    }

    private void add(Calls<double[][]> calls, double[][] x, int window, int stride) {
        calls.add("maxPool(" + literal(x) + ", " + window + ", " + stride + ")", Cases.maxPool(x, window, stride),
                answer.apply(copy(x), window, stride), MaxPoolMistakes.variants(x, window, stride));
    }
}
