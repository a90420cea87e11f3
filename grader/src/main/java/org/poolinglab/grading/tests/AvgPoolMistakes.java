package org.poolinglab.grading.tests;

import java.util.List;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.grading.Variant;

/** What each typical mistake of {@code avg-pool-padding} gives. The student kit has these outputs only as data, for the public tests' calls. */
final class AvgPoolMistakes {

    private AvgPoolMistakes() {
    }

    /** What each typical mistake gives for {@code avgPool(x, window, stride, padding, countIncludePad)}. */
    static List<Variant<double[][]>> variants(double[][] x, int window, int stride, int padding,
                                                      boolean countIncludePad) {
        double[][] expected = Cases.avgPool(x, window, stride, padding, countIncludePad);
        return List.of(
                Variant.of(Mistake.PADDING_ALWAYS_COUNTED, () -> Cases.avgPool(x, window, stride, padding, true)),
                Variant.of(Mistake.PADDING_NEVER_COUNTED, () -> Cases.avgPool(x, window, stride, padding, false),
                        window * window),
                Variant.of(Mistake.MAX_NOT_AVERAGE, () -> Pooling.maxPool(FeatureMap.of(x),
                        PoolSpec.of(window).stride(stride).padding(padding)).toArray()),
                Variant.of(Mistake.PADDING_LEFT_OUT, () -> Cases.avgPool(x, window, stride, 0, countIncludePad), padding),
                Variant.of(Mistake.AVERAGE_STRIDE_ONE, () -> Cases.avgPool(x, window, 1, padding, countIncludePad), stride),
                Variant.of(Mistake.AVERAGE_STRIDE_ONE, () -> Cases.topLeft(Cases.avgPool(x, window, 1, padding,
                        countIncludePad), expected.length, expected[0].length), stride));
    }
}
