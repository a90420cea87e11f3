package org.poolinglab.nn;

import org.poolinglab.Size;

/**
 * "im2col" (image to columns) for {@link Conv2d}: where each cell of an image's patch matrix comes
 * from. Row {@code t} of the matrix is filter tap {@code t = (c, i, j)}, column {@code o} is output cell
 * {@code o = (oh, ow)}, and {@code source[t * cells + o]} is the input cell that output cell sees
 * through that tap, {@code (c * H + ih) * W + iw} with {@code ih = oh * sh + i - ph} and
 * {@code iw = ow * sw + j - pw}, or -1 where that falls in the zero padding.
 *
 * <p>Worked out once for a batch shape; gathering the patches and scattering their gradients back
 * then only read it.
 */
final class Im2col {

    final int batch;
    final int channels;
    final Size input;
    final Size output;
    final Size stride;
    final Size padding;
    /** Rows of the patch matrix: channels x kh x kw. */
    final int taps;
    /** Columns of the patch matrix: output height x width. */
    final int cells;
    private final int[] source;

    Im2col(int batch, int channels, Size input, Size kernel, Size stride, Size padding, Size output) {
        this.batch = batch;
        this.channels = channels;
        this.input = input;
        this.output = output;
        this.stride = stride;
        this.padding = padding;
        this.taps = channels * kernel.height() * kernel.width();
        this.cells = output.height() * output.width();
        this.source = new int[taps * cells];
        int p = 0;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < kernel.height(); i++) {
                for (int j = 0; j < kernel.width(); j++) {
                    for (int oh = 0; oh < output.height(); oh++) {
                        for (int ow = 0; ow < output.width(); ow++) {
                            int ih = oh * stride.height() + i - padding.height();
                            int iw = ow * stride.width() + j - padding.width();
                            boolean inside = ih >= 0 && ih < input.height() && iw >= 0 && iw < input.width();
                            source[p++] = inside ? (c * input.height() + ih) * input.width() + iw : -1;
                        }
                    }
                }
            }
        }
    }

    /** Image {@code n}'s patch matrix, one row per tap: {@code patches[t][o]}. */
    float[][] gather(float[] images, int n) {
        int image = n * channels * input.height() * input.width();
        float[][] patches = new float[taps][cells];
        for (int t = 0; t < taps; t++) {
            for (int o = 0; o < cells; o++) {
                int from = source[t * cells + o];
                patches[t][o] = from < 0 ? 0 : images[image + from];
            }
        }
        return patches;
    }

    /** Adds each cell of image {@code n}'s patch gradient to the input cell it came from; padding gets nothing. */
    void scatterAdd(float[][] gradPatches, int n, float[] gradImages) {
        int image = n * channels * input.height() * input.width();
        for (int t = 0; t < taps; t++) {
            for (int o = 0; o < cells; o++) {
                int to = source[t * cells + o];
                if (to >= 0) {
                    gradImages[image + to] += gradPatches[t][o];
                }
            }
        }
    }
}
