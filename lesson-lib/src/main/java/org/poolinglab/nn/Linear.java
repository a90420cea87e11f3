package org.poolinglab.nn;

import java.util.List;
import java.util.Random;
import org.poolinglab.FeatureMap;

/**
 * A fully connected (dense) layer, PyTorch's {@code nn.Linear}: every output is a weighted sum of all
 * inputs plus a bias,
 * <pre>
 * out[n][j] = bias[j] + sum over i of weight[j][i] * in[n][i]
 * </pre>
 * with {@code weight} of shape {@code outFeatures x inFeatures}. Input and output are dense values,
 * {@code N x features x 1 x 1} (put a {@link Flatten} in front to feed it feature maps). Backward,
 * by the chain rule, with {@code g = dOut[n][j]}:
 * <pre>
 * dIn[n][i]        += weight[j][i] * g
 * dWeight[j][i]    += in[n][i]     * g
 * dBias[j]         += g
 * </pre>
 * Images are computed in parallel, and so are the output units' gradients (each sums over the batch's
 * images in order).
 */
public final class Linear extends Layer {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** The last input, one row per image, kept for {@link #backward}. */
    private float[][] input;

    /**
     * A layer from {@code inFeatures} inputs to {@code outFeatures} outputs. Weights and biases start
     * as PyTorch starts them: uniform in {@code [-1/sqrt(inFeatures), 1/sqrt(inFeatures)]}.
     *
     * @param random the source of the starting weights: the same seed gives the same layer
     */
    public Linear(int inFeatures, int outFeatures, Random random) {
        this.inFeatures = Check.atLeast("inFeatures", inFeatures, 1);
        this.outFeatures = Check.atLeast("outFeatures", outFeatures, 1);
        Check.notNull("random", random);
        float bound = (float) (1 / Math.sqrt(inFeatures));
        this.weight = Parameter.uniform("weight", bound, random, outFeatures, inFeatures);
        this.bias = Parameter.uniform("bias", bound, random, outFeatures);
    }

    /** The weights, shape {@code outFeatures x inFeatures}: row {@code j} feeds output {@code j}. */
    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public Shape outputShape(Shape in) {
        Check.argument(in.height() == 1 && in.width() == 1 && in.channels() == inFeatures, () -> "input must be "
                + inFeatures + " x 1 x 1 for " + this + " but was " + in
                + (in.height() * in.width() > 1 ? "; put a Flatten in front" : ""));
        return new Shape(outFeatures, 1, 1);
    }

    @Override
    public long multiplyAdds(Shape in) {
        outputShape(in);
        return (long) inFeatures * outFeatures;
    }

    @Override
    public FeatureMap forward(FeatureMap in) {
        Check.notNull("input", in);
        outputShape(Shape.of(in));
        input = Vectors.rows(in.toFloatArray(), inFeatures);
        float[][] w = Vectors.rows(weight.value(), inFeatures); // rows of their own: see Vectors
        float[] output = new float[input.length * outFeatures];
        inParallel(input.length, n -> {
            for (int j = 0; j < outFeatures; j++) {
                output[n * outFeatures + j] = bias.value()[j] + Vectors.dot(w[j], input[n]);
            }
        });
        return FeatureMap.wrap(new int[] {input.length, outFeatures, 1, 1}, output);
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        Check.forwardDone(input, "Linear");
        int batch = input.length;
        Check.sameShape("gradOutput", gradOutput, new int[] {batch, outFeatures, 1, 1});
        float[] grad = gradOutput.toFloatArray();
        float[][] w = Vectors.rows(weight.value(), inFeatures);
        float[] gradInput = new float[batch * inFeatures];
        inParallel(batch, n -> {
            float[] gradInputRow = new float[inFeatures];
            for (int j = 0; j < outFeatures; j++) {
                Vectors.addScaled(gradInputRow, w[j], grad[n * outFeatures + j]);
            }
            System.arraycopy(gradInputRow, 0, gradInput, n * inFeatures, inFeatures);
        });
        inParallel(outFeatures, j -> {
            float[] gradWeightRow = new float[inFeatures];
            float gradBias = 0;
            for (int n = 0; n < batch; n++) {
                Vectors.addScaled(gradWeightRow, input[n], grad[n * outFeatures + j]);
                gradBias += grad[n * outFeatures + j];
            }
            for (int i = 0; i < inFeatures; i++) {
                weight.grad()[j * inFeatures + i] += gradWeightRow[i];
            }
            bias.grad()[j] += gradBias;
        });
        return FeatureMap.wrap(new int[] {batch, inFeatures, 1, 1}, gradInput);
    }

    /** E.g. {@code Linear(1568 -> 10)}. */
    @Override
    public String toString() {
        return "Linear(" + inFeatures + " -> " + outFeatures + ")";
    }
}
