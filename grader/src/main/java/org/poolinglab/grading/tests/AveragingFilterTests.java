package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.literal;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;

@DisplayName("avg-as-conv")
public class AveragingFilterTests {

    private final Answers.AveragingFilter answer = Submitted.answer(Answers.AveragingFilter.class);

    @Test
    @Points(3)
    @DisplayName("the 2x2 filter")
    void twoByTwo() {
        Calls.maps().add("averagingFilter(2)", averagingFilter(2), answer.apply(2), variants(2)).verify();
    }

    @Test
    @Points(3)
    @DisplayName("convolving the lesson's map with it, stride 2, is 2x2 average pooling")
    void convolutionIsAveragePooling() {
        Calls<double[][]> calls = Calls.maps();
        addConvolution(calls, Cases.LESSON, 2);
        calls.verify();
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("windows from 1 to 5 on larger maps")
    void windowsOneToFive() {
        Calls<double[][]> calls = Calls.maps();
        for (int window = 1; window <= 5; window++) {
            addConvolution(calls, Cases.map(50 + window, 2 * window + 1, 3 * window, -9, 9), window);
        }
        calls.verify();
    }

    private void addConvolution(Calls<double[][]> calls, double[][] x, int window) {
        double[][] filter = answer.apply(window);
        if (filter == null || filter.length != window || filter[0] == null || filter[0].length != window) {
            throw new AssertionFailedError("averagingFilter(" + window + ") must return a " + window + "x" + window + " filter");
        }
        List<Variant<double[][]>> convolved = variants(window).stream()
                .map(variant -> Variant.of(variant.mistake(), () -> Cases.convolve(x, variant.output().get(), window),
                        variant.hintValues())).toList();
        calls.add("convolving " + literal(x) + " with averagingFilter(" + window + "), stride " + window,
                Cases.avgPool(x, window, window, 0, true), Cases.convolve(x, filter, window), convolved);
    }

    /**
     * The filter whose convolution is {@code window x window} average pooling, from lesson-lib: a weight is
     * what average pooling makes of a map that is 1 in that weight's cell and 0 elsewhere.
     */
    private static double[][] averagingFilter(int window) {
        double[][] filter = new double[window][window];
        for (int i = 0; i < window; i++) {
            for (int j = 0; j < window; j++) {
                double[][] impulse = new double[window][window];
                impulse[i][j] = 1;
                filter[i][j] = Cases.avgPool(impulse, window, window, 0, true)[0][0];
            }
        }
        return filter;
    }

    /** The filters the typical mistakes give, each computed the way the mistake computes it. */
    private static List<Variant<double[][]>> variants(int window) {
        int cells = window * window;
        int intQuotient = 1 / cells; // 0 but for a 1x1 window: the mistake itself
        return List.of(
                Variant.of(Mistake.FILTER_OF_ONES, () -> Cases.filled(window, window, 1), cells),
                Variant.of(Mistake.INTEGER_DIVISION, () -> Cases.filled(window, window, intQuotient),
                        "(" + window + " * " + window + ")"),
                Variant.of(Mistake.DIVIDED_BY_THE_SIDE, () -> Cases.filled(window, window, 1.0 / window),
                        window, window, window, cells));
    }
}
