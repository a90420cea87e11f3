package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.poolinglab.FeatureMap;

/**
 * The numeric gradient check of CS231n ({@code eval_numerical_gradient_array}, {@code rel_error}):
 * nudge one number up and down by {@link #STEP}, see how much a scalar changes, and compare that slope
 * (central differences) with the gradient the backward pass computed.
 *
 * <p>For a layer the scalar is {@code sum of output * weights} with fixed random {@code weights}, whose
 * gradient with respect to the output is exactly {@code weights}: so {@code backward(weights)} must
 * return its gradient with respect to the input, and add its gradient with respect to every parameter.
 */
final class GradientCheck {

    /** How far each number is nudged. Inputs to ReLU and max pooling stay further than this from a kink. */
    static final double STEP = 1e-2;
    /** Largest relative error accepted: float32 rounding gives at most about 1e-4 here, a gradient 1% off 5e-3. */
    static final double TOLERANCE = 1e-3;

    private GradientCheck() {
    }

    /** One compared gradient: what it is, and its relative error. */
    record Result(String what, double relativeError) {
        boolean passes() {
            return relativeError <= TOLERANCE;
        }
    }

    /** Checks the input gradient and every parameter gradient of {@code layer} at {@code input}. */
    static void assertGradientsMatch(Layer layer, FeatureMap input) {
        for (Result result : check(layer, input)) {
            assertTrue(result.passes(), () -> result.what() + " of " + layer + ": relative error "
                    + result.relativeError() + " > " + TOLERANCE);
        }
    }

    /** The relative errors of the input gradient and of each parameter's gradient. */
    static List<Result> check(Layer layer, FeatureMap input) {
        FeatureMap output = layer.forward(input);
        float[] weights = gaussian(output.toFloatArray().length, 7);
        layer.zeroGrad();
        float[] analyticInput = layer.backward(FeatureMap.of(output.shape(), weights)).toFloatArray();
        List<float[]> analyticParameters = layer.parameters().stream().map(p -> p.grad().clone()).toList();

        List<Result> results = new ArrayList<>();
        float[] values = input.toFloatArray();
        double[] numericInput = numericGradient(values,
                () -> weightedSum(layer.forward(FeatureMap.of(input.shape(), values)), weights));
        results.add(new Result("input gradient", relativeError(analyticInput, numericInput)));
        for (int p = 0; p < analyticParameters.size(); p++) {
            Parameter parameter = layer.parameters().get(p);
            double[] numeric = numericGradient(parameter.value(), () -> weightedSum(layer.forward(input), weights));
            results.add(new Result(parameter.name() + " gradient", relativeError(analyticParameters.get(p), numeric)));
        }
        return results;
    }

    /**
     * The slope of {@code f} along each of {@code values} by central differences. Each value is nudged
     * in place and put back; the slope divides by the distance actually moved, which float rounding
     * makes slightly different from {@code 2 * STEP}.
     */
    static double[] numericGradient(float[] values, DoubleSupplier f) {
        return numericGradient(values, f, STEP);
    }

    /** {@link #numericGradient(float[], DoubleSupplier)} with another step. */
    static double[] numericGradient(float[] values, DoubleSupplier f, double step) {
        double[] gradient = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            float original = values[i];
            values[i] = (float) (original + step);
            float up = values[i];
            double plus = f.getAsDouble();
            values[i] = (float) (original - step);
            float down = values[i];
            double minus = f.getAsDouble();
            values[i] = original;
            gradient[i] = (plus - minus) / ((double) up - down);
        }
        return gradient;
    }

    /** {@code |a - n| / (|a| + |n|)} over the whole vectors (Euclidean norms); 0 when both are 0. */
    static double relativeError(float[] analytic, double[] numeric) {
        double difference = 0;
        double analyticNorm = 0;
        double numericNorm = 0;
        for (int i = 0; i < analytic.length; i++) {
            difference += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
            analyticNorm += (double) analytic[i] * analytic[i];
            numericNorm += numeric[i] * numeric[i];
        }
        double scale = Math.sqrt(analyticNorm) + Math.sqrt(numericNorm);
        return scale == 0 ? 0 : Math.sqrt(difference) / scale;
    }

    static double weightedSum(FeatureMap output, float[] weights) {
        float[] values = output.toFloatArray();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (double) values[i] * weights[i];
        }
        return sum;
    }

    /** Standard-normal numbers, the same for the same seed. */
    static float[] gaussian(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** A map of standard-normal values. */
    static FeatureMap randomMap(long seed, int... shape) {
        return FeatureMap.of(shape, gaussian(shape[0] * shape[1] * shape[2] * shape[3], seed));
    }

    /**
     * A map whose values are all different, at least {@code 4 * STEP} apart and at least {@code 2 * STEP}
     * from 0: nudging one never changes which value of a window is largest, nor the sign a ReLU sees,
     * so the layer is smooth wherever the check looks.
     */
    static FeatureMap separatedMap(long seed, int... shape) {
        int count = shape[0] * shape[1] * shape[2] * shape[3];
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add((float) ((i - count / 2 + 0.5) * 4 * STEP));
        }
        java.util.Collections.shuffle(values, new Random(seed));
        float[] data = new float[count];
        for (int i = 0; i < count; i++) {
            data[i] = values.get(i);
        }
        return FeatureMap.of(shape, data);
    }
}
