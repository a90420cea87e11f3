package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolinglab.FeatureMapAssertions.assertFeatureMapEquals;
import static org.poolinglab.FeatureMapAssertions.assertRejected;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("Pooling")
class PoolingTest {

    @Nested
    @DisplayName("on the lesson's 4x4 example")
    class OnTheLessonsExample {

        @Test
        void maxPoolingTwoByTwoStrideTwoKeepsEachQuartersLargestValue() {
            assertFeatureMapEquals(Fixtures.LESSON_MAX, Pooling.maxPool(Fixtures.lesson(), PoolSpec.of(2)));
        }

        @Test
        void averagePoolingTwoByTwoStrideTwoKeepsEachQuartersMean() {
            assertFeatureMapEquals(Fixtures.LESSON_AVERAGE, Pooling.avgPool(Fixtures.lesson(), PoolSpec.of(2)));
        }

        @Test
        void globalPoolingKeepsOneValue() {
            assertFeatureMapEquals(new double[][] {{Fixtures.LESSON_GLOBAL_MAX}}, Pooling.globalMaxPool(Fixtures.lesson()));
            assertFeatureMapEquals(new double[][] {{Fixtures.LESSON_GLOBAL_AVERAGE}},
                    Pooling.globalAvgPool(Fixtures.lesson()));
        }

        @Test
        void printsTheResultAsTheLessonShowsIt() {
            assertEquals("FeatureMap 1x1x2x2\n6  5\n8  9", Pooling.maxPool(Fixtures.lesson(), PoolSpec.of(2)).toString());
        }

        @Test
        void remembersWhereEachMaximumCameFrom() {
            PooledWithIndices pooled = Pooling.maxPoolWithIndices(Fixtures.lesson(), PoolSpec.of(2));
            // 6 is at row 1, column 1 of the 4-wide input: 1 * 4 + 1 = 5; then 5 at (1, 2), 8 at (2, 1), 9 at (2, 2).
            assertArrayEquals(new int[] {1 * 4 + 1, 1 * 4 + 2, 2 * 4 + 1, 2 * 4 + 2}, pooled.indices());
            assertEquals(2 * 4 + 2, pooled.index(0, 0, 1, 1));
            assertFeatureMapEquals(Fixtures.LESSON_MAX, pooled.output());
        }

        @Test
        void theFirstMaximumWinsATie() {
            FeatureMap ties = FeatureMap.of(new double[][] {{7, 7}, {7, 7}});
            assertEquals(0, Pooling.maxPoolWithIndices(ties, PoolSpec.of(2)).index(0, 0, 0, 0));
        }

        @Test
        void paddingNeverWinsAMaxAndAveragesCountItAsZero() {
            FeatureMap negative = FeatureMap.of(new double[][] {{-4}});
            assertFeatureMapEquals(new double[][] {{-4}}, Pooling.maxPool(negative, PoolSpec.of(3).padding(1)));
            assertFeatureMapEquals(new double[][] {{-4.0 / 9}}, Pooling.avgPool(negative, PoolSpec.of(3).padding(1)));
            assertFeatureMapEquals(new double[][] {{-4}},
                    Pooling.avgPool(negative, PoolSpec.of(3).padding(1).countIncludePad(false)));
        }

        @Test
        void aNanInAWindowMakesItsMaximumNan() {
            FeatureMap withNan = FeatureMap.of(new double[][] {{1, Double.NaN, 2, 3}});
            assertFeatureMapEquals(new double[][] {{Double.NaN, 3}}, Pooling.maxPool(withNan, PoolSpec.of(1, 2)));
        }
    }

    @Nested
    @DisplayName("properties")
    class Properties {

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.poolinglab.Fixtures#SPECS")
        void aConstantMapPoolsToTheConstant(PoolSpec spec) {
            FeatureMap constant = Fixtures.constant(2.5f, 2, 3, 7, 6);
            Size out = spec.outputShape(7, 6);
            FeatureMap expected = Fixtures.constant(2.5f, 2, 3, out.height(), out.width());
            assertFeatureMapEquals(expected, Pooling.maxPool(constant, spec));
            boolean averagesOnlyInputCells = !hasPadding(spec) || !spec.countIncludePad();
            if (averagesOnlyInputCells && spec.divisorOverride().isEmpty()) {
                assertFeatureMapEquals(expected, Pooling.avgPool(constant, spec));
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(PoolType.class)
        void aOneByOneWindowWithStrideOneIsTheIdentity(PoolType type) {
            FeatureMap input = Fixtures.random(1, 2, 3, 5, 4);
            assertFeatureMapEquals(input, type.apply(input, PoolSpec.of(1)));
        }

        @Test
        void globalPoolingIsPoolingWithTheWholeMapAsTheWindow() {
            FeatureMap input = Fixtures.random(2, 2, 3, 5, 7);
            PoolSpec whole = PoolSpec.of(5, 7);
            assertFeatureMapEquals(Pooling.maxPool(input, whole), Pooling.globalMaxPool(input));
            assertFeatureMapEquals(Pooling.avgPool(input, whole), Pooling.globalAvgPool(input));
            assertFeatureMapEquals(Pooling.adaptiveAvgPool(input, 1, 1), Pooling.globalAvgPool(input));
        }

        @Test
        void adaptivePoolingOfADivisibleSizeIsPlainPooling() {
            FeatureMap input = Fixtures.random(3, 1, 2, 8, 6);
            assertFeatureMapEquals(Pooling.maxPool(input, PoolSpec.of(2, 3)), Pooling.adaptiveMaxPool(input, 4, 2));
            assertFeatureMapEquals(Pooling.avgPool(input, PoolSpec.of(2, 3)), Pooling.adaptiveAvgPool(input, 4, 2));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.poolinglab.Fixtures#SPECS")
        void maxPoolingIsAtLeastAveragePoolingWithoutPadding(PoolSpec spec) {
            if (hasPadding(spec) || spec.divisorOverride().isPresent()) {
                return; // padding zeros can lift an average of negatives above their maximum
            }
            FeatureMap input = Fixtures.random(4, 2, 2, 9, 8);
            float[] max = Pooling.maxPool(input, spec).toFloatArray();
            float[] average = Pooling.avgPool(input, spec).toFloatArray();
            for (int i = 0; i < max.length; i++) {
                assertTrue(max[i] >= average[i] - 1e-6, "cell " + i + ": max " + max[i] + " < average " + average[i]);
            }
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.poolinglab.Fixtures#SPECS")
        void poolingCommutesWithTakingOnePlane(PoolSpec spec) {
            FeatureMap input = Fixtures.random(5, 2, 3, 7, 9);
            for (PoolType type : PoolType.values()) {
                FeatureMap pooled = type.apply(input, spec);
                for (int n = 0; n < 2; n++) {
                    for (int c = 0; c < 3; c++) {
                        assertFeatureMapEquals(type.apply(input.channel(n, c), spec), pooled.channel(n, c));
                    }
                }
            }
        }

        @Test
        void largePowerAveragesApproachTheMaximum() {
            FeatureMap positive = FeatureMap.of(new double[][] {{0.5, 2, 1, 3}, {1.5, 0.25, 2.5, 1}});
            FeatureMap max = Pooling.maxPool(positive, PoolSpec.of(2));
            FeatureMap lp = Pooling.lpPool(positive, 60, PoolSpec.of(2));
            for (int w = 0; w < 2; w++) {
                assertEquals(max.get(0, 0, 0, w), lp.get(0, 0, 0, w), 0.05);
            }
        }

        @Test
        void powerOneAveragesAreWindowSums() {
            FeatureMap input = Fixtures.random(6, 1, 2, 6, 6);
            FeatureMap sums = Pooling.avgPool(input, PoolSpec.of(3).divisorOverride(1));
            assertFeatureMapEquals(sums, Pooling.lpPool(input, 1, PoolSpec.of(3)));
        }

        @Test
        void stepsProduceExactlyWhatPoolingProduces() {
            FeatureMap input = Fixtures.random(7, 1, 1, 7, 6);
            for (PoolSpec spec : Fixtures.SPECS) {
                for (PoolType type : PoolType.values()) {
                    List<WindowStep> steps = Pooling.steps(input, spec, type);
                    FeatureMap pooled = type.apply(input, spec);
                    List<Float> values = new ArrayList<>();
                    steps.forEach(step -> values.add(step.value()));
                    float[] fromSteps = new float[values.size()];
                    for (int i = 0; i < fromSteps.length; i++) {
                        fromSteps[i] = values.get(i);
                    }
                    assertFeatureMapEquals(pooled, FeatureMap.of(pooled.shape(), fromSteps));
                }
            }
        }

        private static boolean hasPadding(PoolSpec spec) {
            return spec.paddingMode() != PoolSpec.PaddingMode.EXPLICIT
                    || !java.util.Arrays.equals(new int[4], spec.padding(new Size(7, 6)));
        }
    }

    @Nested
    @DisplayName("with invalid arguments")
    class WithInvalidArguments {

        @Test
        void rejectsNull() {
            NullPointerException error = assertThrows(NullPointerException.class, () -> Pooling.maxPool(null, PoolSpec.of(2)));
            assertEquals("input must not be null", error.getMessage());
            assertThrows(NullPointerException.class, () -> Pooling.avgPool(Fixtures.lesson(), null));
            assertThrows(NullPointerException.class, () -> Pooling.globalAvgPool(null));
        }

        @Test
        void rejectsAWindowLargerThanTheMap() {
            assertRejected(() -> Pooling.maxPool(Fixtures.lesson(), PoolSpec.of(5)), "output height must be >= 1 but was 0");
            assertRejected(() -> Pooling.avgPool(Fixtures.lesson(), PoolSpec.of(2, 5)), "output width must be >= 1 but was 0");
        }

        @Test
        void maxPoolingIgnoresTheAverageOnlySettings() {
            PoolSpec forAverages = PoolSpec.of(2).divisorOverride(3).countIncludePad(false);
            assertFeatureMapEquals(Fixtures.LESSON_MAX, Pooling.maxPool(Fixtures.lesson(), forAverages));
        }

        @Test
        void rejectsDilationForAveragePooling() {
            assertRejected(() -> Pooling.avgPool(Fixtures.lesson(), PoolSpec.of(2).stride(1).dilation(2)),
                    "dilation must be 1x1 for avgPool", "but was 2x2");
        }

        @Test
        void rejectsWhatPowerAveragesDoNotHave() {
            assertRejected(() -> Pooling.lpPool(Fixtures.lesson(), 0, PoolSpec.of(2)),
                    "normType must be a positive finite number but was 0.0");
            assertRejected(() -> Pooling.lpPool(Fixtures.lesson(), Double.NaN, PoolSpec.of(2)), "but was NaN");
            assertRejected(() -> Pooling.lpPool(Fixtures.lesson(), 2, PoolSpec.of(2).padding(1)), "padding must be 0 for lpPool");
            assertRejected(() -> Pooling.lpPool(Fixtures.lesson(), 2, PoolSpec.of(2).same()), "padding must be 0 for lpPool");
            assertRejected(() -> Pooling.lpPool(Fixtures.lesson(), 2, PoolSpec.of(2).stride(1).dilation(2)),
                    "dilation must be 1x1 for lpPool");
        }

        @Test
        void rejectsAnAdaptiveOutputBelowOne() {
            assertRejected(() -> Pooling.adaptiveMaxPool(Fixtures.lesson(), 0, 2), "outputHeight must be >= 1 but was 0");
            assertRejected(() -> Pooling.adaptiveAvgPool(Fixtures.lesson(), 2, -1), "outputWidth must be >= 1 but was -1");
        }

        @Test
        void stepsNeedASingleMap() {
            assertRejected(() -> Pooling.steps(Fixtures.random(1, 1, 2, 4, 4), PoolSpec.of(2), PoolType.MAX),
                    "steps needs a 1x1xHxW map but input is 1x2x4x4");
        }
    }
}
