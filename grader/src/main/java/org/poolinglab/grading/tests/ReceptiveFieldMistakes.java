package org.poolinglab.grading.tests;

import java.util.List;
import org.poolinglab.grading.Variant;

/** What each typical mistake of {@code receptive-field} gives. The student kit has these outputs only as data, for the public tests' calls. */
final class ReceptiveFieldMistakes {

    private ReceptiveFieldMistakes() {
    }

    static List<Variant<Double>> variants(int[] windows, int[] strides) {
        double expected = ReceptiveFieldTests.receptiveField(windows, strides);
        return List.of(
                Variant.of(Mistake.STRIDES_FORGOTTEN, () -> grown(windows, strides, false, false)),
                Variant.of(Mistake.WINDOWS_MULTIPLIED, () -> {
                    double product = 1;
                    for (int window : windows) {
                        product *= window;
                    }
                    return product;
                }),
                Variant.of(Mistake.OWN_STRIDE_COUNTED, () -> grown(windows, strides, true, true)),
                Variant.of(Mistake.ONE_CELL_FORGOTTEN, () -> expected - 1));
    }

    /** 1 + the extra cells of each window, spread by the strides before it (and its own, with {@code ownStride}), or by none. */
    private static double grown(int[] windows, int[] strides, boolean spread, boolean ownStride) {
        double field = 1;
        double jump = 1;
        for (int i = 0; i < windows.length; i++) {
            if (ownStride) {
                jump *= strides[i];
            }
            field += (windows[i] - 1) * (spread ? jump : 1);
            if (!ownStride) {
                jump *= strides[i];
            }
        }
        return field;
    }
}
