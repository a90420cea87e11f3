package org.poolinglab.grading.tests;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.PoolSpec;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;
import org.poolinglab.table.CnnCosts;

@DisplayName("dense-weights")
public class DenseWeightsTests {

    private final Answers.DenseWeights answer = Submitted.answer(Answers.DenseWeights.class);

    @Test
    @Points(3)
    @DisplayName("notebook 04's network, with 2x2 pooling")
    void notebookNetworkWithPooling() {
        check(new Object[][] {{28, new int[] {8, 16}, 2, 10}});
    }

    @Test
    @Points(3)
    @DisplayName("notebook 04's network without pooling (pool 1)")
    void notebookNetworkWithoutPooling() {
        check(new Object[][] {{28, new int[] {8, 16}, 1, 10}});
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
                            + ", " + pool + ", " + units + ")", (double) stack(size, filters, 3, pool, units).parameters("dense"),
                    (double) answer.apply(size, filters.clone(), pool, units), variants(size, filters, pool, units));
        }
        calls.verify();
    }

    /** lesson-lib's cost table of the stack: {@code filterSize} convolutions, each followed by pooling unless {@code pool} is 1. */
    private static CnnCosts stack(int size, int[] filters, int filterSize, int pool, int units) {
        CnnCosts network = CnnCosts.input(1, size, size);
        for (int count : filters) {
            network.conv(count, filterSize);
            if (pool > 1) {
                network.maxPool(pool);
            }
        }
        return network.dense(units);
    }

    /** What each typical mistake gives for {@code denseWeights(size, filters, pool, units)}. */
    private static List<Variant<Double>> variants(int size, int[] filters, int pool, int units) {
        double expected = stack(size, filters, 3, pool, units).parameters("dense");
        int first = filters[0];
        int last = filters[filters.length - 1];
        return List.of(
                Variant.of(Mistake.BIASES_FORGOTTEN, () -> expected - units, units),
                Variant.of(Mistake.BORDER_NOT_LOST, () -> (double) stack(size, filters, 1, pool, units).parameters("dense"),
                        size, size, size - 2, size - 2),
                Variant.of(Mistake.POOLING_ROUNDED_UP, () -> roundedUp(size, filters, pool, units)),
                Variant.of(Mistake.FIRST_CONVOLUTION_CHANNELS, () -> (expected - units) / last * first + units, first, last),
                Variant.of(Mistake.WHOLE_NETWORK_COUNTED, () -> (double) stack(size, filters, 3, pool, units).parameters()),
                Variant.of(Mistake.POOLING_LEFT_OUT, () -> (double) stack(size, filters, 3, 1, units).parameters("dense"),
                        pool, pool, pool));
    }

    /** The dense layer's weights and biases when each pooled side is rounded up (lesson-lib's ceil mode) instead of down. */
    private static double roundedUp(int size, int[] filters, int pool, int units) {
        int side = size;
        for (int count : filters) {
            side = PoolSpec.of(3).stride(1).outputShape(side, side).height();
            if (pool > 1) {
                side = PoolSpec.of(pool).ceilMode(true).outputShape(side, side).height();
            }
        }
        long inputs = (long) filters[filters.length - 1] * side * side;
        return inputs * units + units;
    }
}
