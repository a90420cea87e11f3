package org.poolinglab.nn;

import org.poolinglab.FeatureMap;

/**
 * Blur, then keep every second row and column: Zhang's BlurPool ("Making convolutional networks
 * shift-invariant again", 2019). Each channel is blurred with the 3x3 binomial filter
 * <pre>
 * 1 2 1
 * 2 4 2   / 16
 * 1 2 1
 * </pre>
 * at every second cell (stride 2). Keeping every second cell without blurring keeps whichever cells the
 * grid happens to land on, so a one-pixel move of the input can change the output completely
 * (aliasing); the blur first spreads each value over its neighbours, so that a move changes the output
 * only a little. The map is padded by one cell of reflection on every side (the row above row 0 is row
 * 1), as in Zhang's code, so the border is not darkened. Each side of the output is
 * {@code floor((in + 2 - 3) / 2) + 1 = ceil(in / 2)}; the input needs at least 2 rows and columns.
 * Backward, each output cell's gradient goes back to the nine cells it was blurred from, weighted by the
 * filter (a reflected cell's share to the cell it copies). Nothing to learn.
 */
public final class BlurPool2d extends Layer {

    /** The filter along one axis, [1, 2, 1] / 4; the 3x3 filter is its product with itself. */
    private static final float[] BINOMIAL = {0.25f, 0.5f, 0.25f};

    private int[] inputShape;
    private int[] outputShape;

    @Override
    public FeatureMap forward(FeatureMap input) {
        Check.notNull("input", input);
        Shape out = outputShape(Shape.of(input));
        inputShape = input.shape();
        outputShape = new int[] {input.batch(), out.channels(), out.height(), out.width()};
        float[] in = input.toFloatArray();
        float[] output = new float[input.batch() * out.size()];
        int height = input.height();
        int width = input.width();
        inParallel(input.batch() * input.channels(), plane -> {
            float[] padded = new float[(height + 2) * (width + 2)];
            padByReflection(in, plane * height * width, height, width, padded);
            int o = plane * out.height() * out.width();
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++, o++) {
                    float sum = 0;
                    for (int i = 0; i < 3; i++) {
                        int row = (2 * oh + i) * (width + 2) + 2 * ow;
                        for (int j = 0; j < 3; j++) {
                            sum += BINOMIAL[i] * BINOMIAL[j] * padded[row + j];
                        }
                    }
                    output[o] = sum;
                }
            }
        });
        return FeatureMap.wrap(outputShape, output);
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        Check.forwardDone(inputShape, "BlurPool2d");
        Check.sameShape("gradOutput", gradOutput, outputShape);
        float[] grad = gradOutput.toFloatArray();
        float[] gradInput = new float[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        int height = inputShape[2];
        int width = inputShape[3];
        int outHeight = outputShape[2];
        int outWidth = outputShape[3];
        inParallel(inputShape[0] * inputShape[1], plane -> {
            float[] padded = new float[(height + 2) * (width + 2)];
            int o = plane * outHeight * outWidth;
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++, o++) {
                    for (int i = 0; i < 3; i++) {
                        int row = (2 * oh + i) * (width + 2) + 2 * ow;
                        for (int j = 0; j < 3; j++) {
                            padded[row + j] += BINOMIAL[i] * BINOMIAL[j] * grad[o];
                        }
                    }
                }
            }
            foldReflection(padded, height, width, gradInput, plane * height * width);
        });
        return FeatureMap.wrap(inputShape, gradInput);
    }

    /**
     * The plane at {@code from} in {@code in}, {@code height x width}, with one cell of reflection around it,
     * into {@code padded} ({@code (height + 2) x (width + 2)}): padded cell {@code (r, c)} is input cell
     * {@code (reflect(r - 1), reflect(c - 1))}.
     */
    private static void padByReflection(float[] in, int from, int height, int width, float[] padded) {
        for (int r = 0; r < height + 2; r++) {
            int inputRow = from + reflect(r - 1, height) * width;
            int paddedRow = r * (width + 2);
            System.arraycopy(in, inputRow, padded, paddedRow + 1, width);
            padded[paddedRow] = in[inputRow + 1];
            padded[paddedRow + width + 1] = in[inputRow + width - 2];
        }
    }

    /** The gradient of a padded plane added back to the input cells its cells copy: {@link #padByReflection} undone. */
    private static void foldReflection(float[] padded, int height, int width, float[] gradInput, int to) {
        for (int r = 0; r < height + 2; r++) {
            int inputRow = to + reflect(r - 1, height) * width;
            int paddedRow = r * (width + 2);
            for (int c = 0; c < width + 2; c++) {
                gradInput[inputRow + reflect(c - 1, width)] += padded[paddedRow + c];
            }
        }
    }

    /** Position {@code p} of the padded axis as a cell of the input: -1 reflects to 1, {@code length} to {@code length - 2}. */
    private static int reflect(int p, int length) {
        return p < 0 ? -p : p >= length ? 2 * (length - 1) - p : p;
    }

    @Override
    public Shape outputShape(Shape input) {
        Check.argument(input.height() >= 2 && input.width() >= 2, () -> "input must be at least 2 x 2 for "
                + "BlurPool2d's reflection padding but was " + input.height() + " x " + input.width());
        return new Shape(input.channels(), (input.height() + 1) / 2, (input.width() + 1) / 2);
    }

    /** Nine per output cell: the blur is a 3x3 convolution of each channel, computed only where it is kept. */
    @Override
    public long multiplyAdds(Shape input) {
        return 9L * outputShape(input).size();
    }

    /** E.g. {@code BlurPool2d(3x3 binomial blur, stride 2)}. */
    @Override
    public String toString() {
        return "BlurPool2d(3x3 binomial blur, stride 2)";
    }
}
