package org.poolinglab.grading.tests;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.Convolution;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;

@DisplayName("dense-weights")
public class DenseWeightsTests {

    private final Answers.DenseWeights answer = Submitted.answer(Answers.DenseWeights.class);

    @Test
    @Points(4)
    @DisplayName("notebook 04's network, with 2x2 pooling and without (pool 1)")
    void notebookNetwork() {
        check(new Object[][] {{28, new int[] {8, 16}, 2, 10}, {28, new int[] {8, 16}, 1, 10}});
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("other stacks: odd sizes, one to three convolutions, 3x3 pooling")
    void otherStacks() {
        check(new Object[][] {{29, new int[] {8, 16}, 2, 10}, {48, new int[] {4, 8, 16}, 2, 10},
                {32, new int[] {6}, 2, 5}, {30, new int[] {8, 12}, 3, 10}, {12, new int[] {3, 5}, 1, 7}});
    }

    /** Each stack is {size, filters, pool, units}. */
    private void check(Object[][] stacks) {
        Calls<Double> calls = Calls.numbers();
        for (Object[] stack : stacks) {
            int size = (int) stack[0];
            int[] filters = (int[]) stack[1];
            int pool = (int) stack[2];
            int units = (int) stack[3];
            calls.add("denseWeights(" + size + ", new int[] " + Arrays.toString(filters).replace('[', '{').replace(']', '}')
                            + ", " + pool + ", " + units + ")", denseWeights(size, filters, 3, pool, false, units),
                    (double) answer.apply(size, filters.clone(), pool, units), DenseWeightsMistakes.variants(size, filters, pool, units));
        }
        calls.verify();
    }

    /**
     * The dense layer's weights and biases: one per value of the last maps and output, one bias per output.
     * The last maps' shape comes from lesson-lib's own layers: a blank picture put through convolutions of
     * {@code filterSize x filterSize} filters and, unless {@code pool} is 1, max pooling (rounding up in ceil mode).
     */
    static double denseWeights(int size, int[] filters, int filterSize, int pool, boolean ceilMode, int units) {
        FeatureMap maps = FeatureMap.of(new double[size][size]);
        for (int count : filters) {
            double[][][] blank = new double[count][filterSize][filterSize];
            maps = Convolution.conv2d(maps, blank);
            if (pool > 1) {
                maps = Pooling.maxPool(maps, PoolSpec.of(pool).ceilMode(ceilMode));
            }
        }
        double inputs = (double) maps.channels() * maps.height() * maps.width();
        return inputs * units + units;
    }
}
