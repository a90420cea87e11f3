package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.copy;

import java.util.List;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.grading.Variant;

/** What each typical mistake of {@code max-pool} gives. The student kit has these outputs only as data, for the public tests' calls. */
final class MaxPoolMistakes {

    private MaxPoolMistakes() {
    }

    static List<Variant<double[][]>> variants(double[][] x, int window, int stride) {
        double[][] expected = Cases.maxPool(x, window, stride);
        int rows = expected.length;
        int cols = expected[0].length;
        return List.of(
                Variant.of(Mistake.STRIDE_ONE, () -> stride == 1 ? expected : Cases.maxPool(x, window, 1), stride),
                Variant.of(Mistake.STRIDE_ONE, () -> Cases.topLeft(Cases.maxPool(x, window, 1), rows, cols), stride),
                Variant.of(Mistake.AVERAGE_NOT_MAX, () -> Cases.avgPool(x, window, stride, 0, true)),
                Variant.of(Mistake.ROWS_AND_COLUMNS_SWAPPED, () -> Cases.transpose(expected)),
                Variant.of(Mistake.MAX_STARTED_AT_ZERO, () -> atLeastZero(expected)),
                Variant.of(Mistake.LAST_WINDOW_DROPPED, () -> Cases.topLeft(expected, rows - 1, cols - 1)),
                Variant.of(Mistake.PARTIAL_WINDOW_ADDED, () -> Pooling.maxPool(FeatureMap.of(x),
                        PoolSpec.of(window).stride(stride).ceilMode(true)).toArray()));
    }

    private static double[][] atLeastZero(double[][] map) {
        double[][] result = copy(map);
        for (double[] row : result) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.max(0, row[c]);
            }
        }
        return result;
    }
}
