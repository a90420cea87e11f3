package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertNumber;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("relu-max")
public class MaxOfTwoTests {

    private final Answers.MaxOfTwo answer = Submitted.answer(Answers.MaxOfTwo.class);

    @ParameterizedTest(name = "maxOfTwo({0}, {1})")
    @CsvSource({"1, 2", "2, 1", "-3, -5", "0, 0", "2.5, 2.5", "-1, 4"})
    @Points(5)
    @DisplayName("small pairs, in both orders")
    void smallPairs(double a, double b) {
        assertNumber(Math.max(a, b), answer.apply(a, b), "maxOfTwo(" + a + ", " + b + ")");
    }

    @Test
    @Points(5)
    @DisplayName("a hundred random pairs")
    void randomPairs() {
        Random random = new Random(81);
        for (int i = 0; i < 100; i++) {
            double a = Math.round(random.nextGaussian() * 1000) / 100.0;
            double b = Math.round(random.nextGaussian() * 1000) / 100.0;
            assertNumber(Math.max(a, b), answer.apply(a, b), "maxOfTwo(" + a + ", " + b + ")");
        }
    }

    @ParameterizedTest(name = "maxOfTwo({0}, {1})")
    @CsvSource({"1e9, -1e9", "-1e9, 1e9", "1e-9, 2e-9", "-0.001, -0.002"})
    @Points(5)
    @Hidden
    @DisplayName("very large and very small numbers")
    void extremes(double a, double b) {
        assertNumber(Math.max(a, b), answer.apply(a, b), "maxOfTwo(" + a + ", " + b + ")");
    }
}
