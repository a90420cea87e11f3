package org.poolinglab.nn;

import java.util.Arrays;
import org.poolinglab.Size;

/**
 * "im2col" (image to columns) for {@link Conv2d}: an image's patch matrix. Row {@code t} of the matrix is
 * filter tap {@code t = (c, i, j)}, column {@code o} is output cell {@code o = (oh, ow)}, and the entry
 * is the input cell that output cell sees through that tap,
 * <pre>
 * patches[t][oh * OW + ow] = in[c][oh * sh + i - ph][ow * sw + j - pw]      (0 in the padding)
 * </pre>
 * Along one output row {@code oh} a tap reads one input row, {@code ih = oh * sh + i - ph}, at columns
 * {@code ow * sw + j - pw}: every {@code sw}-th cell, and with stride 1 a run of neighbouring cells,
 * copied in one go. Only the output columns whose input column lies inside the image read anything:
 * {@code firstInside[j] <= ow < endInside[j]}; the others, and whole rows whose {@code ih} lies outside,
 * see the zero padding.
 *
 * <p><b>Same size.</b> With stride 1 and padding that keeps the size (a 3x3 filter with padding 1, as in
 * the lesson's networks), the output plane is as large as the input plane, and a tap's whole patch row is
 * the input plane moved by {@code d = (i - ph) * W + (j - pw)} cells: {@code patches[t][o] = in[c][o + d]}.
 * So it is one copy of the plane, and then the cells that came from outside the image are set to 0: the
 * rows above or below it, and the one or two columns that wrapped around from the neighbouring row.
 * Scattering the gradient back is one loop the same way, after the gradient of those cells, which belongs
 * to the padding, is set to 0. Copying row by row instead made the convolution twice as slow on 14 x 14
 * maps.
 */
final class Im2col {

    final int batch;
    final int channels;
    final Size input;
    final Size kernel;
    final Size output;
    final Size stride;
    final Size padding;
    /** Rows of the patch matrix: channels x kh x kw. */
    final int taps;
    /** Columns of the patch matrix: output height x width. */
    final int cells;
    /** For filter column {@code j}: the output columns whose input column is inside the image, [first, end). */
    private final int[] firstInside;
    private final int[] endInside;
    /** Stride 1, and the output plane as large as the input plane. */
    private final boolean sameSize;

    Im2col(int batch, int channels, Size input, Size kernel, Size stride, Size padding, Size output) {
        this.batch = batch;
        this.channels = channels;
        this.input = input;
        this.kernel = kernel;
        this.output = output;
        this.stride = stride;
        this.padding = padding;
        this.taps = channels * kernel.height() * kernel.width();
        this.cells = output.height() * output.width();
        this.firstInside = new int[kernel.width()];
        this.endInside = new int[kernel.width()];
        this.sameSize = stride.height() == 1 && stride.width() == 1 && output.equals(input);
        for (int j = 0; j < kernel.width(); j++) {
            int ow = 0;
            while (ow < output.width() && inputColumn(ow, j) < 0) {
                ow++;
            }
            firstInside[j] = ow;
            while (ow < output.width() && inputColumn(ow, j) < input.width()) {
                ow++;
            }
            endInside[j] = ow;
        }
    }

    private int inputColumn(int ow, int j) {
        return ow * stride.width() + j - padding.width();
    }

    /** The input row that output row {@code oh} reads through filter row {@code i}; outside the image in the padding. */
    private int inputRow(int oh, int i) {
        return oh * stride.height() + i - padding.height();
    }

    /** Image {@code n}'s patch matrix, written into {@code patches} ({@code taps x cells}), which it returns. */
    float[][] gather(float[] images, int n, float[][] patches) {
        if (sameSize) {
            return gatherSameSize(images, n, patches);
        }
        int plane = input.height() * input.width();
        int t = 0;
        for (int c = 0; c < channels; c++) {
            int inputPlane = (n * channels + c) * plane;
            for (int i = 0; i < kernel.height(); i++) {
                for (int j = 0; j < kernel.width(); j++, t++) {
                    float[] row = patches[t];
                    Arrays.fill(row, 0);
                    for (int oh = 0; oh < output.height(); oh++) {
                        int ih = inputRow(oh, i);
                        if (ih < 0 || ih >= input.height()) {
                            continue;
                        }
                        int from = inputPlane + ih * input.width() + inputColumn(firstInside[j], j);
                        int to = oh * output.width() + firstInside[j];
                        int count = endInside[j] - firstInside[j];
                        if (stride.width() == 1) {
                            System.arraycopy(images, from, row, to, count);
                        } else {
                            for (int k = 0; k < count; k++) {
                                row[to + k] = images[from + k * stride.width()];
                            }
                        }
                    }
                }
            }
        }
        return patches;
    }

    /**
     * Adds each cell of image {@code n}'s patch gradient to the input cell it came from; padding gets
     * nothing. May set cells of {@code gradPatches} that belong to the padding to 0.
     */
    void scatterAdd(float[][] gradPatches, int n, float[] gradImages) {
        if (sameSize) {
            scatterAddSameSize(gradPatches, n, gradImages);
            return;
        }
        int plane = input.height() * input.width();
        int t = 0;
        for (int c = 0; c < channels; c++) {
            int inputPlane = (n * channels + c) * plane;
            for (int i = 0; i < kernel.height(); i++) {
                for (int j = 0; j < kernel.width(); j++, t++) {
                    float[] row = gradPatches[t];
                    for (int oh = 0; oh < output.height(); oh++) {
                        int ih = inputRow(oh, i);
                        if (ih < 0 || ih >= input.height()) {
                            continue;
                        }
                        int to = inputPlane + ih * input.width() + inputColumn(firstInside[j], j);
                        int from = oh * output.width() + firstInside[j];
                        int count = endInside[j] - firstInside[j];
                        for (int k = 0; k < count; k++) {
                            gradImages[to + k * stride.width()] += row[from + k];
                        }
                    }
                }
            }
        }
    }

    /** {@link #gather} when {@link #sameSize}: each tap's row is one copy of the plane, moved. */
    private float[][] gatherSameSize(float[] images, int n, float[][] patches) {
        int t = 0;
        for (int c = 0; c < channels; c++) {
            int inputPlane = (n * channels + c) * cells;
            for (int i = 0; i < kernel.height(); i++) {
                for (int j = 0; j < kernel.width(); j++, t++) {
                    float[] row = patches[t];
                    int moved = (i - padding.height()) * input.width() + (j - padding.width());
                    int from = Math.min(cells, Math.max(0, -moved)); // the cells whose input cell is in the plane
                    int to = Math.max(from, Math.min(cells, cells - moved));
                    Arrays.fill(row, 0, from, 0);
                    if (to > from) {
                        System.arraycopy(images, inputPlane + from + moved, row, from, to - from);
                    }
                    Arrays.fill(row, to, cells, 0);
                    zeroOutside(row, i, j);
                }
            }
        }
        return patches;
    }

    /** {@link #scatterAdd} when {@link #sameSize}: each tap's row is added back in one loop, moved. */
    private void scatterAddSameSize(float[][] gradPatches, int n, float[] gradImages) {
        int t = 0;
        for (int c = 0; c < channels; c++) {
            int inputPlane = (n * channels + c) * cells;
            for (int i = 0; i < kernel.height(); i++) {
                for (int j = 0; j < kernel.width(); j++, t++) {
                    float[] row = gradPatches[t];
                    zeroOutside(row, i, j);
                    int moved = (i - padding.height()) * input.width() + (j - padding.width());
                    int from = Math.min(cells, Math.max(0, -moved)); // the cells whose input cell is in the plane
                    int to = Math.max(from, Math.min(cells, cells - moved));
                    int target = inputPlane + moved;
                    for (int o = from; o < to; o++) {
                        gradImages[target + o] += row[o];
                    }
                }
            }
        }
    }

    /**
     * Sets to 0 the cells of a same-size patch row (filter row {@code i}, column {@code j}) whose input
     * cell lies outside the image: whole output rows above or below it, and the output columns that
     * reach past its left or right edge.
     */
    private void zeroOutside(float[] row, int i, int j) {
        int width = output.width();
        for (int oh = 0; oh < output.height(); oh++) {
            int ih = inputRow(oh, i);
            if (ih < 0 || ih >= input.height()) {
                Arrays.fill(row, oh * width, (oh + 1) * width, 0);
            }
        }
        for (int oh = 0; oh < output.height(); oh++) {
            for (int ow = 0; ow < firstInside[j]; ow++) {
                row[oh * width + ow] = 0;
            }
            for (int ow = endInside[j]; ow < width; ow++) {
                row[oh * width + ow] = 0;
            }
        }
    }
}
