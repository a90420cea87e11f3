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

@DisplayName("max-pool-relu")
public class MaxPool2x2Tests {

    private final Answers.MaxPool2x2 answer = Submitted.answer(Answers.MaxPool2x2.class);

    @Test
    @Points(5)
    @DisplayName("the lesson's 4x4 map gives [[6, 5], [8, 9]]")
    void lessonExample() {
        assertMap(Cases.LESSON_MAX, answer.apply(copy(Cases.LESSON)), "maxPool2x2(lesson map)");
    }

    @Test
    @Points(5)
    @DisplayName("even-sized maps")
    void evenSizes() {
        check(Cases.map(91, 2, 2, 0, 9));
        check(Cases.map(92, 4, 6, 0, 9));
        check(Cases.map(93, 8, 2, 0, 9));
    }

    @Test
    @Points(5)
    @Hidden
    @DisplayName("negative values, and odd sizes whose last row and column are dropped")
    void negativeValuesAndOddSizes() {
        check(Cases.map(94, 4, 4, -9, -1));
        check(Cases.map(95, 5, 7, -9, 9));
    }

    private void check(double[][] x) {
        assertMap(Cases.maxPool(x, 2, 2), answer.apply(copy(x)), "maxPool2x2(" + literal(x) + ")");
    }
}
