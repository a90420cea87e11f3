package org.poolinglab.grading.tests;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.poolinglab.grading.MapAssert.assertUnchanged;
import static org.poolinglab.grading.MapAssert.copy;
import static org.poolinglab.grading.MapAssert.literal;

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

@DisplayName("max-pool-backward")
public class MaxPoolBackwardTests {

    private final Answers.MaxPoolBackward answer = Submitted.answer(Answers.MaxPoolBackward.class);

    @Test
    @Points(3)
    @DisplayName("windows side by side: each window's gradient goes to its maximum")
    void windowsSideBySide() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.LESSON, 2, 2, new double[][] {{1, 2}, {3, 4}});
        add(calls, Cases.distinct(60, 6, 6, -10), 3, 3, Cases.numbered(2, 2));
        calls.verify();
    }

    @Test
    @Points(3)
    @DisplayName("overlapping windows: a cell that wins several windows collects all their gradients")
    void overlappingWindowsAddUp() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.distinct(61, 5, 5, 0), 3, 1, Cases.numbered(3, 3));
        add(calls, Cases.distinct(62, 4, 6, -12), 2, 1, Cases.numbered(3, 5));
        calls.verify();
    }

    @Test
    @Points(2)
    @DisplayName("tied maxima: the first in scan order gets the gradient")
    void ties() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, new double[][] {{4, 4}, {4, 1}}, 2, 2, new double[][] {{5}});
        add(calls, Cases.map(63, 4, 4, 0, 2), 2, 2, Cases.numbered(2, 2));
        calls.verify();
    }

    @Test
    @Points(2)
    @Hidden
    @DisplayName("negative values, a stride larger than the window, non-square maps; a new array, the inputs unchanged")
    void otherSettings() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.distinct(64, 4, 4, -20), 2, 2, Cases.numbered(2, 2));
        add(calls, Cases.distinct(65, 7, 5, -17), 2, 3, Cases.numbered(2, 2));
        add(calls, Cases.distinct(66, 6, 4, 0), 3, 2, Cases.numbered(2, 1));
        calls.verify();
        double[][] x = Cases.map(67, 4, 4, 0, 9);
        double[][] gradOutput = Cases.numbered(2, 2);
        double[][] xGiven = copy(x);
        double[][] gradGiven = copy(gradOutput);
        double[][] gradInput = answer.apply(xGiven, 2, 2, gradGiven);
        assertNotSame(xGiven, gradInput, "maxPoolBackward returned the x it was given: return a new array");
        assertUnchanged(x, xGiven, "maxPoolBackward's x");
        assertUnchanged(gradOutput, gradGiven, "maxPoolBackward's gradOutput");
    }

    private void add(Calls<double[][]> calls, double[][] x, int window, int stride, double[][] gradOutput) {
        String call = "maxPoolBackward(" + literal(x) + ", " + window + ", " + stride + ", " + literal(gradOutput) + ")";
        calls.add(call, backward(x, window, stride, gradOutput),
                answer.apply(copy(x), window, stride, copy(gradOutput)),
                MaxPoolBackwardMistakes.variants(x, window, stride, gradOutput));
    }

    /** lesson-lib's backward pass, which is PyTorch's. */
    static double[][] backward(double[][] x, int window, int stride, double[][] gradOutput) {
        return Pooling.maxPoolBackward(FeatureMap.of(x), PoolSpec.of(window).stride(stride), FeatureMap.of(gradOutput))
                .toArray();
    }
}
