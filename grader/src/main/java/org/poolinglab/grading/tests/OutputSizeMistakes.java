package org.poolinglab.grading.tests;

import java.util.List;
import org.poolinglab.PoolSpec;
import org.poolinglab.grading.Variant;

/**
 * What each typical mistake of {@code output-size} gives. The student kit has these outputs only as data,
 * for the public tests' calls: the ways of getting a formula wrong are too close to getting it right.
 */
final class OutputSizeMistakes {

    private OutputSizeMistakes() {
    }

    static List<Variant<Double>> variants(int input, int window, int stride, int padding, boolean ceilMode) {
        double expected = OutputSizeTests.size(input, window, stride, padding, ceilMode);
        return List.of(
                Variant.of(Mistake.FLOOR_AND_CEIL_SWAPPED, () -> OutputSizeTests.size(input, window, stride, padding, !ceilMode)),
                Variant.of(Mistake.CEIL_KEEPS_A_WINDOW_IN_THE_PADDING, () -> ceilMode
                        ? Math.floorDiv(input + 2 * padding - window + stride - 1, stride) + 1.0 : expected),
                Variant.of(Mistake.PLUS_ONE_FORGOTTEN, () -> expected - 1),
                Variant.of(Mistake.PADDING_ON_ONE_SIDE, () -> (double) PoolSpec.of(window).stride(stride)
                        .padding(padding, padding, 0, 0).ceilMode(ceilMode).outputShape(input, input).height()));
    }
}
