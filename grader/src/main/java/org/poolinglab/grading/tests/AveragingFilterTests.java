package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("avg-as-conv")
public class AveragingFilterTests {

    private final Answers.AveragingFilter answer = Submitted.answer(Answers.AveragingFilter.class);

    @Test
    @Points(3)
    @DisplayName("the 2x2 filter")
    void twoByTwo() {
        assertMap(new double[][] {{0.25, 0.25}, {0.25, 0.25}}, answer.apply(2), "averagingFilter(2)");
    }

    @Test
    @Points(3)
    @DisplayName("convolving the lesson's map with it, stride 2, is 2x2 average pooling")
    void convolutionIsAveragePooling() {
        checkConvolution(Cases.LESSON, 2);
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("windows from 1 to 5 on larger maps")
    void windowsOneToFive() {
        for (int window = 1; window <= 5; window++) {
            checkConvolution(Cases.map(50 + window, 2 * window + 1, 3 * window, -9, 9), window);
        }
    }

    private void checkConvolution(double[][] x, int window) {
        double[][] filter = answer.apply(window);
        if (filter == null || filter.length != window || filter[0].length != window) {
            throw new AssertionFailedError("averagingFilter(" + window + ") must return a " + window + "x" + window + " filter");
        }
        assertMap(Cases.avgPool(x, window, window, 0, true), Cases.convolve(x, filter, window),
                "convolving a " + x.length + "x" + x[0].length + " map with averagingFilter(" + window + "), stride " + window);
    }
}
