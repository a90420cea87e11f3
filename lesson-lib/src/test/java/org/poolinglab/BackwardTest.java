package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolinglab.FeatureMapAssertions.assertFeatureMapEquals;
import static org.poolinglab.FeatureMapAssertions.assertRejected;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("Backward passes and max unpooling")
class BackwardTest {

    /** A gradient of ones for a map of {@code shape}: each output cell's share is then easy to follow. */
    private static FeatureMap ones(int... shape) {
        return Fixtures.constant(1, shape);
    }

    @Nested
    @DisplayName("on the lesson's 4x4 example")
    class OnTheLessonsExample {

        @Test
        void maxPoolingSendsEachWindowsGradientToItsMaximumOnly() {
            FeatureMap grad = Pooling.maxPoolBackward(Fixtures.lesson(), PoolSpec.of(2), ones(1, 1, 2, 2));
            // 6, 5, 8 and 9 sit in the middle four cells; no other cell affected the output.
            assertFeatureMapEquals(new double[][] {{0, 0, 0, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}}, grad);
        }

        @Test
        void averagePoolingSpreadsEachWindowsGradientEvenly() {
            FeatureMap grad = Pooling.avgPoolBackward(Fixtures.lesson(), PoolSpec.of(2), ones(1, 1, 2, 2));
            assertFeatureMapEquals(Fixtures.constant(0.25f, 1, 1, 4, 4), grad);
        }

        @Test
        void globalPoolingSendsItsGradientToTheMaximumOrToEveryCell() {
            FeatureMap max = Pooling.globalMaxPoolBackward(Fixtures.lesson(), ones(1, 1, 1, 1));
            assertEquals(1, max.get(0, 0, 2, 2)); // the 9
            assertEquals(1, sum(max));
            assertFeatureMapEquals(Fixtures.constant(1f / 16, 1, 1, 4, 4),
                    Pooling.globalAvgPoolBackward(Fixtures.lesson(), ones(1, 1, 1, 1)));
        }

        @Test
        void unpoolingPutsTheMaximaBackAndForgetsTheRest() {
            FeatureMap unpooled = Pooling.maxUnpool(Pooling.maxPoolWithIndices(Fixtures.lesson(), PoolSpec.of(2)));
            assertFeatureMapEquals(new double[][] {{0, 0, 0, 0}, {0, 6, 5, 0}, {0, 8, 9, 0}, {0, 0, 0, 0}}, unpooled);
        }
    }

    @Nested
    @DisplayName("properties")
    class Properties {

        @Test
        void overlappingWindowsAddTheirGradientsInTheCellTheyShare() {
            FeatureMap row = FeatureMap.of(new double[][] {{1, 5, 2}});
            FeatureMap grad = FeatureMap.of(new double[][] {{0.5, 2}});
            // 5 is the maximum of both 1x2 windows, so it collects both gradients.
            assertFeatureMapEquals(new double[][] {{0, 2.5, 0}},
                    Pooling.maxPoolBackward(row, PoolSpec.of(1, 2).stride(1), grad));
        }

        @Test
        void theFirstOfTiedMaximaTakesTheWholeGradient() {
            FeatureMap ties = FeatureMap.of(new double[][] {{7, 7}, {7, 7}});
            assertFeatureMapEquals(new double[][] {{3, 0}, {0, 0}},
                    Pooling.maxPoolBackward(ties, PoolSpec.of(2), FeatureMap.of(new double[][] {{3}})));
        }

        @Test
        void aWindowOfPaddingOnlyPassesNoGradientOn() {
            // Dilation 2 places both cells of the 1x2 window in the padding left and right of the single cell.
            PoolSpec spec = PoolSpec.of(1, 2).stride(2, 1).padding(0, 1).dilation(2);
            FeatureMap single = FeatureMap.of(new double[][] {{0.5}});
            assertEquals(Float.NEGATIVE_INFINITY, Pooling.maxPool(single, spec).get(0, 0, 0, 0));
            assertFeatureMapEquals(new double[][] {{0}}, Pooling.maxPoolBackward(single, spec, ones(1, 1, 1, 1)));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.poolinglab.Fixtures#SPECS")
        void maxPoolingsBackwardIsUnpoolingTheGradientWhenWindowsDoNotOverlap(PoolSpec spec) {
            boolean tiles = spec.stride().equals(spec.window()) && spec.paddingMode() == PoolSpec.PaddingMode.EXPLICIT
                    && java.util.Arrays.equals(new int[4], spec.padding(new Size(7, 8)));
            if (!tiles) {
                return;
            }
            FeatureMap input = Fixtures.random(11, 2, 3, 7, 8);
            PooledWithIndices pooled = Pooling.maxPoolWithIndices(input, spec);
            FeatureMap grad = Fixtures.random(12, pooled.output().shape());
            assertFeatureMapEquals(Pooling.maxUnpool(grad, pooled.indices(), spec, input.size()),
                    Pooling.maxPoolBackward(input, spec, grad));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.poolinglab.Fixtures#SPECS")
        void everyBackwardPassAgreesWithFiniteDifferencesOfItsForwardPass(PoolSpec spec) {
            FeatureMap input = Fixtures.distinct(13, 1, 2, 7, 6);
            assertGradientMatchesFiniteDifferences(input, x -> Pooling.maxPool(x, spec),
                    g -> Pooling.maxPoolBackward(input, spec, g));
            assertGradientMatchesFiniteDifferences(input, x -> Pooling.avgPool(x, spec),
                    g -> Pooling.avgPoolBackward(input, spec, g));
        }

        @Test
        void theOtherBackwardPassesAgreeWithFiniteDifferencesToo() {
            FeatureMap input = Fixtures.distinct(14, 2, 2, 7, 6);
            FeatureMap positive = Fixtures.constant(0.5f, 2, 2, 7, 6);
            float[] shifted = positive.toFloatArray();
            float[] noise = input.toFloatArray();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] += Math.abs(noise[i]); // Lp pooling of positive values: every power is defined
            }
            FeatureMap lpInput = FeatureMap.of(input.shape(), shifted);
            PoolSpec ceil = PoolSpec.of(3).stride(2).ceilMode(true);
            assertGradientMatchesFiniteDifferences(lpInput, x -> Pooling.lpPool(x, 2.5, ceil),
                    g -> Pooling.lpPoolBackward(lpInput, 2.5, ceil, g));
            assertGradientMatchesFiniteDifferences(input, x -> Pooling.adaptiveMaxPool(x, 3, 4),
                    g -> Pooling.adaptiveMaxPoolBackward(input, g));
            assertGradientMatchesFiniteDifferences(input, x -> Pooling.adaptiveAvgPool(x, 4, 4),
                    g -> Pooling.adaptiveAvgPoolBackward(input, g));
            assertGradientMatchesFiniteDifferences(input, Pooling::globalMaxPool, g -> Pooling.globalMaxPoolBackward(input, g));
            assertGradientMatchesFiniteDifferences(input, Pooling::globalAvgPool, g -> Pooling.globalAvgPoolBackward(input, g));
        }

        @Test
        void unpoolingsBackwardReadsTheGradientWhereEachValueWent() {
            FeatureMap values = FeatureMap.of(new double[][] {{1, 2}, {3, 4}});
            int[] indices = {0, 3, 9, 15};
            PoolSpec spec = PoolSpec.of(2);
            FeatureMap gradOutput = Fixtures.random(15, 1, 1, 4, 4);
            assertGradientMatchesFiniteDifferences(values, v -> Pooling.maxUnpool(v, indices, spec),
                    g -> Pooling.maxUnpoolBackward(values, indices, g));
            FeatureMap grad = Pooling.maxUnpoolBackward(values, indices, gradOutput);
            assertEquals(gradOutput.get(0, 0, 2, 1), grad.get(0, 0, 1, 0)); // index 9 is row 2, column 1
        }

        @Test
        void unpoolingToTheDefaultSizeFollowsTheFormula() {
            // (in - 1) * stride - 2 * padding + window: (3 - 1) * 2 - 2 + 3 = 5
            FeatureMap values = Fixtures.random(16, 1, 1, 3, 3);
            FeatureMap unpooled = Pooling.maxUnpool(values, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
                    PoolSpec.of(3).stride(2).padding(1));
            assertArrayEquals(new int[] {1, 1, 5, 5}, unpooled.shape());
        }

        @Test
        void whenTwoValuesNameTheSameCellTheLaterOneStays() {
            FeatureMap values = FeatureMap.of(new double[][] {{1, 2}});
            FeatureMap unpooled = Pooling.maxUnpool(values, new int[] {1, 1}, PoolSpec.of(1, 2), new Size(1, 4));
            assertFeatureMapEquals(new double[][] {{0, 2, 0, 0}}, unpooled);
        }
    }

    @Nested
    @DisplayName("with invalid arguments")
    class WithInvalidArguments {

        @Test
        void rejectsAGradientShapedUnlikeTheOutput() {
            assertRejected(() -> Pooling.maxPoolBackward(Fixtures.lesson(), PoolSpec.of(2), ones(1, 1, 3, 3)),
                    "gradOutput must have the output's shape 1x1x2x2 but was 1x1x3x3");
            assertRejected(() -> Pooling.avgPoolBackward(Fixtures.lesson(), PoolSpec.of(2), ones(1, 2, 2, 2)),
                    "gradOutput must have the output's shape 1x1x2x2 but was 1x2x2x2");
            assertRejected(() -> Pooling.globalAvgPoolBackward(Fixtures.lesson(), ones(1, 1, 2, 2)),
                    "gradOutput must have the output's shape 1x1x1x1 but was 1x1x2x2");
        }

        @Test
        void rejectsAMissingGradient() {
            NullPointerException error = assertThrows(NullPointerException.class,
                    () -> Pooling.avgPoolBackward(Fixtures.lesson(), PoolSpec.of(2), null));
            assertEquals("gradOutput must not be null", error.getMessage());
        }

        @Test
        void rejectsAnIndexOutsideTheUnpooledPlane() {
            FeatureMap values = FeatureMap.of(new double[][] {{1, 2}, {3, 4}});
            assertRejected(() -> Pooling.maxUnpool(values, new int[] {0, 3, 9, 16}, PoolSpec.of(2)),
                    "indices[3] is 16, outside the 4x4 output plane (must be in [0, 16))");
            assertRejected(() -> Pooling.maxUnpool(values, new int[] {-1, 3, 9, 15}, PoolSpec.of(2)), "indices[0] is -1");
            assertRejected(() -> Pooling.maxUnpool(values, new int[] {0, 3, 9}, PoolSpec.of(2)),
                    "indices must have one entry per pooled value (4 for 1x1x2x2) but has 3");
        }

        @Test
        void rejectsAnOutputSizeThatNoPoolingCouldHaveShrunk() {
            FeatureMap values = FeatureMap.of(new double[][] {{1, 2}, {3, 4}});
            int[] indices = {0, 3, 9, 15};
            assertRejected(() -> Pooling.maxUnpool(values, indices, PoolSpec.of(2), new Size(6, 4)),
                    "outputSize height must be between 2 and 6", "but was 6");
            assertRejected(() -> Pooling.maxUnpool(values, indices, PoolSpec.of(2), new Size(4, 2)),
                    "outputSize width must be between 2 and 6", "but was 2");
            assertRejected(() -> Pooling.maxUnpool(FeatureMap.of(new double[][] {{1}}), new int[] {0},
                    PoolSpec.of(2).padding(1)), "output height must be >= 1 but was (1 - 1) * 2 - 2 + 2 = 0");
        }

        @Test
        void rejectsWhatUnpoolingCannotUndo() {
            FeatureMap values = FeatureMap.of(new double[][] {{1}});
            assertRejected(() -> Pooling.maxUnpool(values, new int[] {0}, PoolSpec.of(2).same()),
                    "spec must have explicit padding for maxUnpool");
            assertRejected(() -> Pooling.maxUnpool(values, new int[] {0}, PoolSpec.of(2).dilation(2)),
                    "dilation must be 1x1 for maxUnpool", "but was 2x2");
            assertRejected(() -> Pooling.maxUnpoolBackward(values, new int[] {0}, ones(1, 2, 2, 2)),
                    "gradOutput must have the pooled map's 1 x 1 planes but is 1x2x2x2");
        }
    }

    /**
     * The backward pass of {@code forward} at {@code input}, for a random output gradient {@code g},
     * equals the central finite differences of {@code sum(forward(x) * g)} in every input cell.
     */
    private static void assertGradientMatchesFiniteDifferences(FeatureMap input, UnaryOperator<FeatureMap> forward,
                                                               UnaryOperator<FeatureMap> backward) {
        FeatureMap gradOutput = Fixtures.random(99, forward.apply(input).shape());
        float[] analytic = backward.apply(gradOutput).toFloatArray();
        float[] x = input.toFloatArray();
        double step = 1e-3;
        for (int i = 0; i < x.length; i++) {
            float original = x[i];
            x[i] = (float) (original + step);
            double up = dot(forward.apply(FeatureMap.of(input.shape(), x)), gradOutput);
            x[i] = (float) (original - step);
            double down = dot(forward.apply(FeatureMap.of(input.shape(), x)), gradOutput);
            x[i] = original;
            double numeric = (up - down) / (2 * step);
            int cell = i;
            assertTrue(Math.abs(numeric - analytic[i]) <= 2e-3 + 2e-3 * Math.abs(numeric),
                    () -> "cell " + cell + ": backward pass gives " + analytic[cell] + " but finite differences give " + numeric);
        }
    }

    private static double dot(FeatureMap a, FeatureMap b) {
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (double) x[i] * y[i];
        }
        return sum;
    }

    private static double sum(FeatureMap map) {
        double total = 0;
        for (float value : map.toFloatArray()) {
            total += value;
        }
        return total;
    }
}
