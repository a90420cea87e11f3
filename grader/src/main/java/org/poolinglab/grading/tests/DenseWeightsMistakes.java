package org.poolinglab.grading.tests;

import java.util.List;
import org.poolinglab.grading.Variant;

/** What each typical mistake of {@code dense-weights} gives. The student kit has these outputs only as data, for the public tests' calls. */
final class DenseWeightsMistakes {

    private DenseWeightsMistakes() {
    }

    /** What each typical mistake gives for {@code denseWeights(size, filters, pool, units)}. */
    static List<Variant<Double>> variants(int size, int[] filters, int pool, int units) {
        double expected = DenseWeightsTests.denseWeights(size, filters, 3, pool, false, units);
        int first = filters[0];
        int last = filters[filters.length - 1];
        double convolutions = 0;
        int channels = 1;
        for (int count : filters) {
            convolutions += 3 * 3 * channels * count + count;
            channels = count;
        }
        double withConvolutions = expected + convolutions;
        return List.of(
                Variant.of(Mistake.BIASES_FORGOTTEN, () -> expected - units, units),
                Variant.of(Mistake.BORDER_NOT_LOST, () -> DenseWeightsTests.denseWeights(size, filters, 1, pool, false, units),
                        size, size, size - 2, size - 2),
                Variant.of(Mistake.POOLING_ROUNDED_UP, () -> DenseWeightsTests.denseWeights(size, filters, 3, pool, true, units)),
                Variant.of(Mistake.FIRST_CONVOLUTION_CHANNELS, () -> (expected - units) / last * first + units, first, last),
                Variant.of(Mistake.WHOLE_NETWORK_COUNTED, () -> withConvolutions),
                Variant.of(Mistake.POOLING_LEFT_OUT, () -> DenseWeightsTests.denseWeights(size, filters, 3, 1, false, units), pool, pool, pool));
    }
}
