package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;

@DisplayName("Layers")
class LayersTest {

    @Nested
    @DisplayName("start from PyTorch's default weights")
    class StartingWeights {

        @Test
        void uniformWithinOneOverTheSquareRootOfTheFanIn() {
            Conv2d conv = new Conv2d(4, 16, 3, new Random(1));
            assertSpreadOver(conv.weight().value(), 1 / Math.sqrt(4 * 3 * 3));
            assertSpreadOver(conv.bias().orElseThrow().value(), 1 / Math.sqrt(4 * 3 * 3));
            Linear linear = new Linear(50, 40, new Random(2));
            assertSpreadOver(linear.weight().value(), 1 / Math.sqrt(50));
            assertSpreadOver(linear.bias().value(), 1 / Math.sqrt(50));
        }

        /** Every value in [-bound, bound], and they reach close to both ends. */
        private void assertSpreadOver(float[] values, double bound) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float value : values) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            assertTrue(min >= -bound && max <= bound, "values in [" + min + ", " + max + "], bound " + bound);
            double tail = 2 * bound * 4.0 / values.length; // expected gap from the ends, times 4
            assertTrue(min < -bound + tail && max > bound - tail, "values fill [-" + bound + ", " + bound + "]");
        }
    }

    @Nested
    @DisplayName("give results a person can check by hand")
    class ByHand {

        @Test
        void reluKeepsPositivesZeroesNegativesAndKeepsNaN() {
            FeatureMap out = new ReLU().forward(FeatureMap.of(new double[][] {{-2, 0, 3}, {Double.NaN, -0.5, 1}}));
            assertArrayEquals(new float[] {0, 0, 3, Float.NaN, 0, 1}, out.toFloatArray());
        }

        @Test
        void reluPassesTheGradientWhereTheOutputIsPositiveOrNaN() {
            ReLU relu = new ReLU();
            relu.forward(FeatureMap.of(new double[][] {{-2, 0, 3}, {Double.NaN, -0.5, 1}}));
            FeatureMap gradient = relu.backward(FeatureMap.of(new double[][] {{1, -2, 3}, {-4, 5, -6}}));
            assertArrayEquals(new float[] {0, 0, 3, -4, 0, -6}, gradient.toFloatArray(), "as PyTorch's threshold_backward");
        }

        @Test
        void flattenKeepsTheOrderChannelByChannelRowByRow() {
            FeatureMap input = GradientCheck.randomMap(1, 2, 3, 4, 5);
            FeatureMap flat = new Flatten().forward(input);
            assertArrayEquals(new int[] {2, 60, 1, 1}, flat.shape());
            assertArrayEquals(input.toFloatArray(), flat.toFloatArray());
        }

        @Test
        void linearIsWeightsTimesInputPlusBias() {
            Linear linear = new Linear(3, 2, new Random(3));
            linear.weight().set(new float[] {1, 2, 3, -1, 0, 1});
            linear.bias().set(new float[] {0.5f, -2});
            FeatureMap out = linear.forward(FeatureMap.of(new int[] {1, 3, 1, 1}, new float[] {1, 1, 2}));
            assertArrayEquals(new float[] {1 + 2 + 6 + 0.5f, -1 + 2 - 2}, out.toFloatArray());
        }

        @Test
        void maxPoolingGivesTheLessonsResult() {
            FeatureMap lesson = FeatureMap.of(new double[][] {{1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}});
            MaxPool2d pool = new MaxPool2d(2);
            assertArrayEquals(new float[] {6, 5, 8, 9}, pool.forward(lesson).toFloatArray());
            FeatureMap gradient = pool.backward(FeatureMap.of(new double[][] {{1, 1}, {1, 1}}));
            assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0}, gradient.toFloatArray(),
                    "only the cells of 6, 5, 8 and 9 get a gradient");
        }

        @Test
        void averagePoolingSharesTheGradientEvenly() {
            AvgPool2d pool = new AvgPool2d(2);
            pool.forward(GradientCheck.randomMap(4, 1, 1, 4, 4));
            float[] gradient = pool.backward(FeatureMap.of(new double[][] {{1, 1}, {1, 1}})).toFloatArray();
            for (float value : gradient) {
                assertEquals(0.25f, value);
            }
        }

        @Test
        void backwardAddsToTheParameterGradientsUntilZeroGrad() {
            Conv2d conv = new Conv2d(1, 2, 3, new Random(5));
            FeatureMap input = GradientCheck.randomMap(6, 2, 1, 5, 5);
            FeatureMap grad = GradientCheck.randomMap(7, 2, 2, 3, 3);
            conv.forward(input);
            conv.backward(grad);
            float[] once = conv.weight().grad().clone();
            conv.backward(grad);
            for (int i = 0; i < once.length; i++) {
                assertEquals(2 * once[i], conv.weight().grad()[i], 1e-5 * Math.abs(once[i]));
            }
            conv.zeroGrad();
            assertArrayEquals(new float[once.length], conv.weight().grad());
        }
    }

    @Nested
    @DisplayName("know their output shapes and costs")
    class Shapes {

        @Test
        void convolutionOutputFollowsTheFormula() {
            Conv2d conv = new Conv2d(3, 8, 3, new Random(1)).stride(2).padding(1);
            assertEquals(new Shape(8, 14, 14), conv.outputShape(new Shape(3, 28, 28)));
            assertEquals(8L * 14 * 14 * 3 * 3 * 3, conv.multiplyAdds(new Shape(3, 28, 28)));
            FeatureMap out = conv.forward(GradientCheck.randomMap(1, 2, 3, 28, 28));
            assertArrayEquals(new int[] {2, 8, 14, 14}, out.shape());
        }

        @Test
        void rectangularConvolution() {
            Conv2d conv = new Conv2d(1, 2, 2, 3, new Random(1)).stride(1, 2).padding(0, 1);
            assertEquals(new Shape(2, 4, 3), conv.outputShape(new Shape(1, 5, 5)));
        }

        @Test
        void poolingLayersUseThePoolSpecsFormula() {
            assertEquals(new Shape(8, 14, 14), new MaxPool2d(2).outputShape(new Shape(8, 28, 28)));
            assertEquals(new Shape(8, 14, 14), new AvgPool2d(PoolSpec.of(3).stride(2).padding(1))
                    .outputShape(new Shape(8, 28, 28)));
        }

        @Test
        void denseLayers() {
            assertEquals(new Shape(1568, 1, 1), new Flatten().outputShape(new Shape(8, 14, 14)));
            Linear linear = new Linear(1568, 10, new Random(1));
            assertEquals(new Shape(10, 1, 1), linear.outputShape(new Shape(1568, 1, 1)));
            assertEquals(15680, linear.multiplyAdds(new Shape(1568, 1, 1)));
        }
    }

    @Nested
    @DisplayName("reject bad arguments with a message naming them")
    class BadArguments {

        @Test
        void convolutionSettings() {
            assertRejected(() -> new Conv2d(0, 8, 3, new Random(1)), "inChannels must be >= 1 but was 0");
            assertRejected(() -> new Conv2d(1, 8, 3, 0, new Random(1)), "kernelWidth must be >= 1 but was 0");
            assertRejected(() -> new Conv2d(1, 8, 3, new Random(1)).stride(0), "stride height must be >= 1 but was 0");
            assertRejected(() -> new Conv2d(1, 8, 3, new Random(1)).padding(1, -1),
                    "padding width must be >= 0 but was -1");
        }

        @Test
        void inputsThatDoNotFit() {
            Conv2d conv = new Conv2d(3, 8, 5, new Random(1));
            assertRejected(() -> conv.forward(GradientCheck.randomMap(1, 1, 2, 9, 9)), "input channels must be 3",
                    "but was 2");
            assertRejected(() -> conv.forward(GradientCheck.randomMap(1, 1, 3, 4, 9)),
                    "kernel height 5 must fit in the padded input height 4");
            Linear linear = new Linear(10, 2, new Random(1));
            assertRejected(() -> linear.forward(GradientCheck.randomMap(1, 1, 10, 2, 2)), "input must be 10 x 1 x 1",
                    "but was 10 x 2 x 2", "put a Flatten in front");
        }

        @Test
        void aGradientOfTheWrongShape() {
            ReLU relu = new ReLU();
            relu.forward(GradientCheck.randomMap(1, 1, 1, 3, 3));
            assertRejected(() -> relu.backward(GradientCheck.randomMap(1, 1, 1, 3, 4)),
                    "gradOutput must have the shape of the last output, 1x1x3x3, but was 1x1x3x4");
        }

        @Test
        void backwardBeforeForward() {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> new Conv2d(1, 1, 1, new Random(1)).backward(GradientCheck.randomMap(1, 1, 1, 2, 2)));
            assertEquals("Conv2d: backward needs a forward pass first", error.getMessage());
        }

        @Test
        void parameterValuesOfTheWrongLength() {
            assertRejected(() -> new Linear(3, 2, new Random(1)).weight().set(new float[5]),
                    "weight values must have 6 numbers (shape 2x3) but have 5");
        }

        @Test
        void labelsThatDoNotMatchTheScores() {
            FeatureMap logits = GradientCheck.randomMap(1, 2, 3, 1, 1);
            assertRejected(() -> SoftmaxCrossEntropy.of(logits, new int[] {0}),
                    "labels must have one label per image, 2, but has 1");
            assertRejected(() -> SoftmaxCrossEntropy.of(logits, new int[] {0, 3}), "labels[1] must be in [0, 3) but was 3");
            assertRejected(() -> SoftmaxCrossEntropy.of(GradientCheck.randomMap(1, 2, 3, 2, 1), new int[] {0, 0}),
                    "logits must be N x classes x 1 x 1 but was 2x3x2x1");
        }

        @Test
        void optimiserSettings() {
            assertRejected(() -> new Sgd(java.util.List.of(), 0, 0.9), "learningRate must be a positive number but was 0.0");
            assertRejected(() -> new Sgd(java.util.List.of(), 0.1, 1), "momentum must be in [0, 1) but was 1.0");
            Sgd sgd = new Sgd(java.util.List.of(), 0.1, 0.9);
            assertRejected(() -> sgd.setLearningRate(-0.1), "learningRate must be a number >= 0 but was -0.1");
            assertRejected(() -> sgd.setLearningRate(Double.NaN), "learningRate must be a number >= 0 but was NaN");
            sgd.setLearningRate(0);
            assertEquals(0, sgd.learningRate());
        }

        private void assertRejected(Executable call, String... fragments) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
            for (String fragment : fragments) {
                assertTrue(error.getMessage().contains(fragment),
                        () -> "message should contain '" + fragment + "' but was: " + error.getMessage());
            }
        }
    }
}
