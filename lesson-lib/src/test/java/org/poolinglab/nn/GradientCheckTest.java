package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolinglab.nn.GradientCheck.assertGradientsMatch;
import static org.poolinglab.nn.GradientCheck.randomMap;
import static org.poolinglab.nn.GradientCheck.separatedMap;

import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;

/** Every layer's backward pass against central differences of its forward pass (CS231n's gradient check). */
@DisplayName("Gradient checks")
class GradientCheckTest {

    @Nested
    @DisplayName("Conv2d: input, weight and bias gradients")
    class Convolution {

        @Test
        void strideOneNoPadding() {
            assertGradientsMatch(new Conv2d(2, 3, 3, new Random(1)), randomMap(2, 2, 2, 6, 5));
        }

        @Test
        void paddingOne() {
            assertGradientsMatch(new Conv2d(1, 4, 3, new Random(3)).padding(1), randomMap(4, 2, 1, 5, 6));
        }

        @Test
        void strideTwoWithPaddingAndAnOddSize() {
            assertGradientsMatch(new Conv2d(3, 2, 3, new Random(5)).stride(2).padding(1), randomMap(6, 2, 3, 7, 6));
        }

        @Test
        void rectangularFilterStrideAndPadding() {
            assertGradientsMatch(new Conv2d(2, 2, 2, 3, new Random(7)).stride(1, 2).padding(2, 1),
                    randomMap(8, 1, 2, 5, 7));
        }

        @Test
        void withoutBias() {
            assertGradientsMatch(new Conv2d(2, 2, 3, new Random(9)).withoutBias().padding(1), randomMap(10, 2, 2, 4, 4));
        }
    }

    @Test
    @DisplayName("Linear: input, weight and bias gradients")
    void linear() {
        assertGradientsMatch(new Linear(12, 5, new Random(11)), randomMap(12, 3, 12, 1, 1));
    }

    @Test
    @DisplayName("ReLU: the gradient passes where the output is positive")
    void relu() {
        assertGradientsMatch(new ReLU(), separatedMap(13, 2, 3, 4, 5));
    }

    @Test
    @DisplayName("Flatten: the gradient goes back unchanged")
    void flatten() {
        assertGradientsMatch(new Flatten(), randomMap(14, 2, 3, 4, 5));
    }

    @Nested
    @DisplayName("MaxPool2d: the gradient goes to each window's maximum")
    class MaxPooling {

        @Test
        void twoByTwo() {
            assertGradientsMatch(new MaxPool2d(2), separatedMap(15, 2, 3, 6, 6));
        }

        @Test
        void overlappingWindows() {
            assertGradientsMatch(new MaxPool2d(PoolSpec.of(3).stride(1)), separatedMap(16, 1, 2, 5, 6));
        }

        @Test
        void paddedOverlappingWindowsInCeilMode() {
            assertGradientsMatch(new MaxPool2d(PoolSpec.of(3).stride(2).padding(1).ceilMode(true)),
                    separatedMap(17, 2, 1, 6, 7));
        }
    }

    @Nested
    @DisplayName("AvgPool2d: the gradient is shared by each window's cells")
    class AveragePooling {

        @Test
        void twoByTwo() {
            assertGradientsMatch(new AvgPool2d(2), randomMap(18, 2, 3, 6, 6));
        }

        @Test
        void overlappingWindows() {
            assertGradientsMatch(new AvgPool2d(PoolSpec.of(3).stride(1)), randomMap(19, 1, 2, 5, 6));
        }

        @Test
        void paddedWindowsCountingThePaddingOrNot() {
            assertGradientsMatch(new AvgPool2d(PoolSpec.of(3).stride(2).padding(1)), randomMap(20, 2, 1, 6, 7));
            assertGradientsMatch(new AvgPool2d(PoolSpec.of(3).stride(2).padding(1).countIncludePad(false)),
                    randomMap(21, 2, 1, 6, 7));
        }
    }

    @Nested
    @DisplayName("the layers of notebook 07: blur pooling, anti-aliased max pooling, global average pooling")
    class DeeperNetworks {

        @Test
        void blurPoolingEvenAndOddSides() {
            assertGradientsMatch(new BlurPool2d(), randomMap(30, 2, 3, 6, 6));
            assertGradientsMatch(new BlurPool2d(), randomMap(31, 1, 2, 7, 5));
        }

        @Test
        void blurPoolingOfTheSmallestMap() {
            assertGradientsMatch(new BlurPool2d(), randomMap(32, 2, 1, 2, 2));
        }

        @Test
        void antiAliasedMaxPooling() {
            assertGradientsMatch(new AntiAliasedMaxPool2d(), separatedMap(33, 2, 2, 8, 7));
        }

        @Test
        void globalAveragePooling() {
            assertGradientsMatch(new GlobalAvgPool2d(), randomMap(34, 3, 4, 5, 6));
        }
    }

    @Test
    @DisplayName("SoftmaxCrossEntropy: the loss's gradient with respect to the scores")
    void softmaxCrossEntropy() {
        float[] scores = GradientCheck.gaussian(4 * 6, 22);
        int[] labels = {0, 5, 2, 2};
        FeatureMap logits = FeatureMap.of(new int[] {4, 6, 1, 1}, scores);
        float[] analytic = SoftmaxCrossEntropy.of(logits, labels).gradient().toFloatArray();
        double[] numeric = GradientCheck.numericGradient(scores,
                () -> SoftmaxCrossEntropy.of(FeatureMap.of(new int[] {4, 6, 1, 1}, scores), labels).loss());
        double error = GradientCheck.relativeError(analytic, numeric);
        assertTrue(error <= GradientCheck.TOLERANCE, "relative error " + error);
    }

    /** Nudging a weight moves many cells; a smaller step keeps all of them on the same side of every kink. */
    private static final double SMALL_STEP = 1e-3;

    @Test
    @DisplayName("a whole network: the loss's gradient with respect to every parameter, through every layer")
    void wholeNetworkThroughTheLoss() {
        Random random = new Random(23);
        Sequential model = new Sequential(new Conv2d(1, 3, 3, random).padding(1), new ReLU(), new MaxPool2d(2),
                new Conv2d(3, 2, 2, random), new ReLU(), new AvgPool2d(2), new Flatten(), new Linear(2, 4, random));
        FeatureMap images = randomMap(24, 3, 1, 6, 6);
        int[] labels = {1, 3, 0};
        model.zeroGrad();
        model.backward(SoftmaxCrossEntropy.of(model.forward(images), labels).gradient());
        for (Parameter parameter : model.parameters()) {
            float[] analytic = parameter.grad().clone();
            double[] numeric = GradientCheck.numericGradient(parameter.value(),
                    () -> SoftmaxCrossEntropy.of(model.forward(images), labels).loss(), SMALL_STEP);
            double error = GradientCheck.relativeError(analytic, numeric);
            assertTrue(error <= GradientCheck.TOLERANCE, parameter + ": relative error " + error);
        }
    }

    @Nested
    @DisplayName("the check itself fails on a wrong backward pass")
    class CatchesMistakes {

        @Test
        void aReluThatLetsEveryGradientThrough() {
            assertFails(withBackward(new ReLU(), (input, gradOutput) -> gradOutput), separatedMap(25, 1, 2, 4, 4));
        }

        @Test
        void aMaxPoolingThatSharesTheGradientLikeAnAverage() {
            assertFails(withBackward(new MaxPool2d(2),
                    (input, gradOutput) -> Pooling.avgPoolBackward(input, PoolSpec.of(2), gradOutput)),
                    separatedMap(26, 1, 2, 4, 4));
        }

        @Test
        void aConvolutionWhoseWeightGradientIsOnePercentOff() {
            Conv2d conv = new Conv2d(2, 2, 3, new Random(27)).padding(1);
            assertFails(withBackward(conv, (input, gradOutput) -> {
                FeatureMap gradInput = conv.backward(gradOutput);
                float[] grad = conv.weight().grad();
                for (int i = 0; i < grad.length; i++) {
                    grad[i] *= 1.01f;
                }
                return gradInput;
            }), randomMap(28, 2, 2, 5, 5));
        }

        /**
         * {@code layer} with its forward pass and parameters, but {@code backward(input, gradOutput)}
         * instead of its own backward pass.
         */
        private Layer withBackward(Layer layer, BinaryOperator<FeatureMap> backward) {
            return new Layer() {
                private FeatureMap input;

                @Override
                public FeatureMap forward(FeatureMap input) {
                    this.input = input;
                    return layer.forward(input);
                }

                @Override
                public FeatureMap backward(FeatureMap gradOutput) {
                    return backward.apply(input, gradOutput);
                }

                @Override
                public Shape outputShape(Shape input) {
                    return layer.outputShape(input);
                }

                @Override
                public List<Parameter> parameters() {
                    return layer.parameters();
                }
            };
        }

        private void assertFails(Layer layer, FeatureMap input) {
            List<GradientCheck.Result> results = GradientCheck.check(layer, input);
            assertTrue(results.stream().anyMatch(result -> !result.passes()),
                    () -> "the check should have caught the mistake: " + results);
        }
    }
}
