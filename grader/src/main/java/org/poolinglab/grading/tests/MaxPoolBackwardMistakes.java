package org.poolinglab.grading.tests;

import java.util.List;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.grading.Variant;

/**
 * What each typical mistake of {@code max-pool-backward} gives: backward passes written with a mistake.
 * The student kit has their outputs only as data, for the public tests' calls: the code is too close to
 * the answer.
 */
final class MaxPoolBackwardMistakes {

    private MaxPoolBackwardMistakes() {
    }

    static List<Variant<double[][]>> variants(double[][] x, int window, int stride, double[][] gradOutput) {
        return List.of(
                Variant.of(Mistake.TIES_TO_EVERY_MAXIMUM, () -> routed(x, window, stride, gradOutput, Tie.EVERY, true)),
                Variant.of(Mistake.TIES_TO_THE_LAST_MAXIMUM, () -> routed(x, window, stride, gradOutput, Tie.LAST, true)),
                Variant.of(Mistake.TIES_SPLIT_EVENLY, () -> routed(x, window, stride, gradOutput, Tie.SPLIT, true)),
                Variant.of(Mistake.OVERLAPS_OVERWRITTEN, () -> routed(x, window, stride, gradOutput, Tie.FIRST, false)),
                Variant.of(Mistake.SPREAD_LIKE_AVERAGE, () -> Pooling.avgPoolBackward(FeatureMap.of(x),
                        PoolSpec.of(window).stride(stride), FeatureMap.of(gradOutput)).toArray()));
    }

    /** Which of a window's tied maxima a mistaken backward pass gives the gradient to. */
    private enum Tie { FIRST, LAST, EVERY, SPLIT }

    /**
     * A backward pass written with a mistake: the tied maxima of a window that get its gradient (all of it,
     * or shares of it), and whether a cell adds up the gradients of the windows it wins or keeps only the last.
     */
    private static double[][] routed(double[][] x, int window, int stride, double[][] gradOutput, Tie tie, boolean add) {
        double[][] grad = new double[x.length][x[0].length];
        for (int r = 0; r < gradOutput.length; r++) {
            for (int c = 0; c < gradOutput[0].length; c++) {
                double max = Double.NEGATIVE_INFINITY;
                int tied = 0;
                for (int i = 0; i < window * window; i++) {
                    double value = x[r * stride + i / window][c * stride + i % window];
                    tied = value > max ? 1 : value == max ? tied + 1 : tied;
                    max = Math.max(max, value);
                }
                boolean given = false;
                for (int n = 0; n < window * window; n++) {
                    int cell = tie == Tie.LAST ? window * window - 1 - n : n;
                    int row = r * stride + cell / window;
                    int col = c * stride + cell % window;
                    boolean gets = tie == Tie.EVERY || tie == Tie.SPLIT || !given;
                    if (x[row][col] == max && gets) {
                        double share = tie == Tie.SPLIT ? gradOutput[r][c] / tied : gradOutput[r][c];
                        grad[row][col] = (add ? grad[row][col] : 0) + share;
                        given = true;
                    }
                }
            }
        }
        return grad;
    }
}
