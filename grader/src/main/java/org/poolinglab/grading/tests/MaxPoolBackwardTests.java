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

@DisplayName("max-pool-backward")
public class MaxPoolBackwardTests {

    private final Answers.MaxPoolBackward answer = Submitted.answer(Answers.MaxPoolBackward.class);

    @Test
    @Points(3)
    @DisplayName("the lesson's map: each window's gradient goes to its maximum")
    void lessonExample() {
        add(Calls.maps(), Cases.LESSON, 2, 2, new double[][] {{1, 2}, {3, 4}}).verify();
    }

    @Test
    @Points(3)
    @DisplayName("overlapping windows: a cell that wins several windows collects all their gradients")
    void overlappingWindowsAddUp() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.map(61, 5, 5, 0, 9), 3, 1, numbered(3, 3));
        add(calls, Cases.map(62, 4, 6, -5, 5), 2, 1, numbered(3, 5));
        calls.verify();
    }

    @Test
    @Points(3)
    @DisplayName("tied maxima: the first in scan order gets the gradient")
    void ties() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, new double[][] {{4, 4}, {4, 1}}, 2, 2, new double[][] {{5}});
        add(calls, Cases.map(63, 4, 4, 0, 2), 2, 2, numbered(2, 2));
        calls.verify();
    }

    @Test
    @Points(3)
    @Hidden
    @DisplayName("negative values, a stride larger than the window, non-square maps; a new array, the inputs unchanged")
    void otherSettings() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, Cases.map(64, 4, 4, -9, -1), 2, 2, numbered(2, 2));
        add(calls, Cases.map(65, 7, 5, -3, 3), 2, 3, numbered(2, 2));
        add(calls, Cases.map(66, 6, 4, 0, 3), 3, 2, numbered(2, 1));
        calls.verify();
        double[][] x = Cases.map(67, 4, 4, 0, 9);
        double[][] gradOutput = numbered(2, 2);
        double[][] xGiven = copy(x);
        double[][] gradGiven = copy(gradOutput);
        double[][] gradInput = answer.apply(xGiven, 2, 2, gradGiven);
        assertNotSame(xGiven, gradInput, "maxPoolBackward returned the x it was given: return a new array");
        assertUnchanged(x, xGiven, "maxPoolBackward's x");
        assertUnchanged(gradOutput, gradGiven, "maxPoolBackward's gradOutput");
    }

    private Calls<double[][]> add(Calls<double[][]> calls, double[][] x, int window, int stride, double[][] gradOutput) {
        String call = "maxPoolBackward(" + literal(x) + ", " + window + ", " + stride + ", " + literal(gradOutput) + ")";
        return calls.add(call, backward(x, window, stride, gradOutput),
                answer.apply(copy(x), window, stride, copy(gradOutput)), variants(x, window, stride, gradOutput));
    }

    /** lesson-lib's backward pass, which is PyTorch's. */
    private static double[][] backward(double[][] x, int window, int stride, double[][] gradOutput) {
        return Pooling.maxPoolBackward(FeatureMap.of(x), PoolSpec.of(window).stride(stride), FeatureMap.of(gradOutput))
                .toArray();
    }

    /** What each typical mistake gives for {@code maxPoolBackward(x, window, stride, gradOutput)}. */
    private static List<Variant<double[][]>> variants(double[][] x, int window, int stride, double[][] gradOutput) {
        return List.of(
                Variant.of(Mistake.TIES_TO_EVERY_MAXIMUM, () -> routed(x, window, stride, gradOutput, Tie.EVERY, true)),
                Variant.of(Mistake.TIES_TO_THE_LAST_MAXIMUM, () -> routed(x, window, stride, gradOutput, Tie.LAST, true)),
                Variant.of(Mistake.OVERLAPS_OVERWRITTEN, () -> routed(x, window, stride, gradOutput, Tie.FIRST, false)),
                Variant.of(Mistake.SPREAD_LIKE_AVERAGE, () -> Pooling.avgPoolBackward(FeatureMap.of(x),
                        PoolSpec.of(window).stride(stride), FeatureMap.of(gradOutput)).toArray()));
    }

    /** Which of a window's tied maxima a mistaken backward pass gives the gradient to. */
    private enum Tie { FIRST, LAST, EVERY }

    /**
     * A backward pass written with a mistake: the tied maxima of a window that get its gradient, and
     * whether a cell adds up the gradients of the windows it wins or keeps only the last one.
     */
    private static double[][] routed(double[][] x, int window, int stride, double[][] gradOutput, Tie tie, boolean add) {
        double[][] grad = new double[x.length][x[0].length];
        for (int r = 0; r < gradOutput.length; r++) {
            for (int c = 0; c < gradOutput[0].length; c++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < window; i++) {
                    for (int j = 0; j < window; j++) {
                        max = Math.max(max, x[r * stride + i][c * stride + j]);
                    }
                }
                boolean given = false;
                for (int n = 0; n < window * window; n++) {
                    int cell = tie == Tie.LAST ? window * window - 1 - n : n;
                    int row = r * stride + cell / window;
                    int col = c * stride + cell % window;
                    if (x[row][col] == max && !(given && tie != Tie.EVERY)) {
                        grad[row][col] = (add ? grad[row][col] : 0) + gradOutput[r][c];
                        given = true;
                    }
                }
            }
        }
        return grad;
    }

    /** A {@code rows x cols} gradient of the output: 1, 2, 3, ... row by row, so each window's share can be told apart. */
    private static double[][] numbered(int rows, int cols) {
        double[][] map = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                map[r][c] = r * cols + c + 1;
            }
        }
        return map;
    }
}
