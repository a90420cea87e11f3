package org.poolinglab.grading.tests;

import java.util.List;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.grading.Variant;

/** What each typical mistake of {@code avg-pool-backward} gives. The student kit has these outputs only as data, for the public tests' calls. */
final class AvgPoolBackwardMistakes {

    private AvgPoolBackwardMistakes() {
    }

    static List<Variant<double[][]>> variants(int height, int width, int window, int stride, int padding,
                                             boolean countIncludePad, double[][] gradOutput) {
        return List.of(
                Variant.of(Mistake.GRADIENT_ALWAYS_OVER_THE_WINDOW,
                        () -> AvgPoolBackwardTests.backward(height, width, window, stride, padding, true, gradOutput)),
                Variant.of(Mistake.GRADIENT_OVER_THE_REAL_CELLS,
                        () -> AvgPoolBackwardTests.backward(height, width, window, stride, padding, false, gradOutput),
                        window * window),
                Variant.of(Mistake.GRADIENT_NOT_SHARED, () -> Pooling.avgPoolBackward(FeatureMap.of(new double[height][width]),
                        PoolSpec.of(window).stride(stride).padding(padding).divisorOverride(1), FeatureMap.of(gradOutput)).toArray()),
                Variant.of(Mistake.AVERAGE_OVERLAPS_OVERWRITTEN,
                        () -> shared(height, width, window, stride, padding, countIncludePad, gradOutput, padding, false)),
                Variant.of(Mistake.WINDOWS_PLACED_WITHOUT_PADDING,
                        () -> shared(height, width, window, stride, padding, countIncludePad, gradOutput, 0, true),
                        padding, padding));
    }

    /**
     * A backward pass written with a mistake: windows start {@code offset} cells before the map (the padding,
     * or 0 for a student who forgot it), and a cell's share either adds to what it has or overwrites it.
     */
    private static double[][] shared(int height, int width, int window, int stride, int padding, boolean countIncludePad,
                                     double[][] gradOutput, int offset, boolean add) {
        double[][] grad = new double[height][width];
        for (int r = 0; r < gradOutput.length; r++) {
            for (int c = 0; c < gradOutput[0].length; c++) {
                int top = r * stride - offset;
                int left = c * stride - offset;
                int real = 0;
                for (int i = 0; i < window; i++) {
                    for (int j = 0; j < window; j++) {
                        real += inside(top + i, left + j, height, width) ? 1 : 0;
                    }
                }
                double share = gradOutput[r][c] / (countIncludePad ? window * window : Math.max(1, real));
                for (int i = 0; i < window; i++) {
                    for (int j = 0; j < window; j++) {
                        if (inside(top + i, left + j, height, width)) {
                            grad[top + i][left + j] = (add ? grad[top + i][left + j] : 0) + share;
                        }
                    }
                }
            }
        }
        return grad;
    }

    private static boolean inside(int row, int column, int height, int width) {
        return row >= 0 && row < height && column >= 0 && column < width;
    }
}
