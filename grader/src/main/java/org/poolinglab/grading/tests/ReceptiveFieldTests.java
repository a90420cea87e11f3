package org.poolinglab.grading.tests;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.Size;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

/**
 * The receptive field is worked out, not typed in: the input cells whose values reach one output cell
 * are the cells its gradient reaches, so lesson-lib's backward pass of average pooling (each layer's
 * window and stride, on a blank map) carries a 1 from the top left output cell back to the input, and
 * the answer is the side of the region it lands on.
 */
@DisplayName("receptive-field")
public class ReceptiveFieldTests {

    private final Answers.ReceptiveField answer = Submitted.answer(Answers.ReceptiveField.class);

    @Test
    @Points(4)
    @DisplayName("convolutions with stride 1 and poolings with stride 2")
    void convolutionsAndPoolings() {
        check(new int[][][] {{{3, 2, 3, 2}, {1, 2, 1, 2}}, {{5, 2}, {1, 2}}, {{3, 3}, {1, 1}}});
    }

    @Test
    @Points(3)
    @DisplayName("every layer strided")
    void everyLayerStrided() {
        check(new int[][][] {{{3, 3, 3}, {2, 2, 2}}, {{2, 2, 2}, {2, 2, 2}}, {{4, 4}, {4, 4}}});
    }

    @Test
    @Points(3)
    @Hidden
    @DisplayName("the front of AlexNet, VGG-16's first two blocks, ResNet's stem")
    void famousNetworks() {
        check(new int[][][] {{{11, 3, 5, 3, 3, 3, 3, 3}, {4, 2, 1, 2, 1, 1, 1, 2}}, {{3, 3, 2, 3, 3, 2}, {1, 1, 2, 1, 1, 2}},
                {{7, 3}, {2, 2}}});
    }

    /** Each stack is {windows, strides}, from the input to the output. */
    private void check(int[][][] stacks) {
        Calls<Double> calls = Calls.numbers();
        for (int[][] stack : stacks) {
            int[] windows = stack[0];
            int[] strides = stack[1];
            calls.add("receptiveField(new int[] " + braces(windows) + ", new int[] " + braces(strides) + ")",
                    (double) receptiveField(windows, strides), (double) answer.apply(windows.clone(), strides.clone()),
                    ReceptiveFieldMistakes.variants(windows, strides));
        }
        calls.verify();
    }

    /**
     * The side of the input region that reaches the top left output cell, found with lesson-lib's backward
     * pass on maps twice as large each time until the region fits with room to spare.
     */
    static int receptiveField(int[] windows, int[] strides) {
        for (int side = 8; ; side *= 2) {
            int reached = reached(windows, strides, side);
            if (reached > 0 && reached < side) {
                return reached;
            }
        }
    }

    /** How many cells of the top row of a {@code side x side} input reach the top left output cell; 0 when there is no output. */
    private static int reached(int[] windows, int[] strides, int side) {
        FeatureMap[] inputs = new FeatureMap[windows.length];
        FeatureMap map = FeatureMap.of(new double[side][side]);
        for (int i = 0; i < windows.length; i++) {
            inputs[i] = map;
            if (map.height() < windows[i]) {
                return 0;
            }
            Size out = spec(windows[i], strides[i]).outputShape(map.height(), map.width());
            map = FeatureMap.of(new double[out.height()][out.width()]);
        }
        double[][] gradient = new double[map.height()][map.width()];
        gradient[0][0] = 1;
        FeatureMap reached = FeatureMap.of(gradient);
        for (int i = windows.length - 1; i >= 0; i--) {
            reached = Pooling.avgPoolBackward(inputs[i], spec(windows[i], strides[i]), reached);
        }
        return (int) Arrays.stream(reached.toArray()[0]).filter(value -> value != 0).count();
    }

    private static PoolSpec spec(int window, int stride) {
        return PoolSpec.of(window).stride(stride);
    }

    private static String braces(int[] values) {
        return Arrays.toString(values).replace('[', '{').replace(']', '}');
    }
}
