package org.poolinglab;

import java.util.Arrays;

/**
 * The fast path of max pooling, for windows without dilation (nearly every network's). It gives what the
 * reference loop {@link MaxPooling#poolPlanes} gives, bit for bit, several times faster, from two ideas.
 *
 * <p><b>Max pooling is separable.</b> A window's maximum is the largest of its columns' maxima, so each output
 * row is made in two steps: the maximum of every column over the window's rows ({@code columnMax}), then the
 * maximum of every {@code window} neighbouring entries of that ({@code windowMax}). {@code Math.max} gives
 * the same value in any order (NaN wins, and 0.0 beats -0.0), so the result is exactly the reference's.
 *
 * <p><b>Whole rows at a time.</b> Both steps are loops of {@code a[i] = Math.max(a[i], b[i])} over whole
 * rows, every array read at the same index {@code i}: the loops the JIT compiles to SIMD instructions, 8 or
 * 16 floats at once. To line rows up at the same index they are first copied into scratch rows with
 * {@code System.arraycopy} (itself a SIMD copy). Scratch cells outside the input hold -infinity, the padding
 * of max pooling, so windows that overhang the input need no special case.
 *
 * <p><b>With indices</b> ({@link #poolWithIndicesPlanes}), the maxima come from the same loops; then each
 * window is searched for the first cell holding its maximum, from its last cell back to its first, so that
 * the search has no branch to mispredict (the reference's running maximum changes at random places).
 * The window nearly every network uses, 2x2 without padding (with stride 2, or stride 1 as in anti-aliased
 * pooling), gets a loop of its own ({@link #twoByTwoWithIndices}): its four cells read straight from the
 * input, two to ten times as fast.
 */
final class FastMaxPooling {

    private FastMaxPooling() {
    }

    /** Windows that read adjacent cells (no dilation), all of one width: sliding windows. */
    static boolean applies(Windows windows) {
        return windows.rows().step == 1 && windows.cols().step == 1 && windows.cols().span > 0;
    }

    /** Max pooling of planes {@code [first, end)} of {@code input} into {@code out}. */
    static void poolPlanes(FeatureMap input, Windows windows, float[] out, int first, int end) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        int window = cols.span;
        int stride = cols.count() > 1 ? cols.start[1] - cols.start[0] : 1;
        // Scratch cell i holds input column i - left; window ow covers scratch cells ow * stride and on.
        int left = -cols.start[0];
        int windowStarts = (cols.count() - 1) * stride + 1;
        int length = windowStarts - 1 + window;
        int copied = Math.min(width, length - left); // input columns some window reads
        float[] columnMax = negativeInfinity(length);
        float[] row = negativeInfinity(length);
        float[] windowMax = new float[windowStarts];
        float[] shifted = new float[windowStarts];
        int o = first * rows.count() * cols.count();
        for (int plane = first; plane < end; plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                System.arraycopy(input.data, base + rows.first[oh] * width, columnMax, left, copied);
                for (int h = rows.first[oh] + 1; h < rows.end[oh]; h++) {
                    System.arraycopy(input.data, base + h * width, row, left, copied);
                    for (int i = left; i < left + copied; i++) {
                        columnMax[i] = Math.max(columnMax[i], row[i]);
                    }
                }
                // windowMax[s] = the largest of columnMax[s], ..., columnMax[s + window - 1]
                System.arraycopy(columnMax, 0, windowMax, 0, windowStarts);
                for (int j = 1; j < window; j++) {
                    System.arraycopy(columnMax, j, shifted, 0, windowStarts);
                    for (int s = 0; s < windowStarts; s++) {
                        windowMax[s] = Math.max(windowMax[s], shifted[s]);
                    }
                }
                for (int ow = 0; ow < cols.count(); ow++) {
                    out[o++] = windowMax[ow * stride];
                }
            }
        }
    }

    /**
     * {@link #poolPlanes}, and each maximum's position {@code h * W + w} in its plane: the first cell in scan
     * order that holds it (with {@code ==}, so -0.0 matches 0.0), or for a NaN maximum the last NaN, and that
     * cell's own value, both exactly as the reference loop {@link MaxPooling#poolWithIndicesPlanes} gives them.
     */
    static void poolWithIndicesPlanes(FeatureMap input, Windows windows, float[] out, int[] indices, int first,
                                      int end) {
        int rowStride = pairsOfCells(windows.rows());
        int columnStride = pairsOfCells(windows.cols());
        if (rowStride > 0 && columnStride > 0) {
            twoByTwoWithIndices(input, windows.rows().count(), windows.cols().count(), rowStride, columnStride,
                    out, indices, first, end);
            return;
        }
        poolPlanes(input, windows, out, first, end);
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        int o = first * rows.count() * cols.count();
        for (int plane = first; plane < end; plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    int index = position(input.data, base, width, rows, cols, oh, ow, out[o]);
                    indices[o] = index;
                    out[o++] = input.data[base + index];
                }
            }
        }
    }

    /**
     * The stride, 1 or 2, when window {@code o} covers exactly the cells {@code s * o} and {@code s * o + 1}: a
     * window of 2 without padding; else 0.
     */
    private static int pairsOfCells(AxisWindows axis) {
        int stride = axis.count() > 1 ? axis.start[1] - axis.start[0] : 2;
        if (axis.step != 1 || stride < 1 || stride > 2) {
            return 0;
        }
        for (int o = 0; o < axis.count(); o++) {
            if (axis.first[o] != stride * o || axis.end[o] != stride * o + 2 || axis.start[o] != stride * o) {
                return 0;
            }
        }
        return stride;
    }

    /**
     * {@link #poolWithIndicesPlanes} for 2x2 windows without padding, moving {@code rowStride} rows and
     * {@code columnStride} columns at a time (1 or 2). A window's cells are {@code a b} over {@code c d}; its
     * maximum is found with {@code Math.max}, then the first of {@code a, b, c, d} equal to it, searched from
     * {@code d} back to {@code a} without a branch. A NaN maximum (rare: the branch is always guessed right)
     * goes to the last NaN, as in the reference.
     */
    private static void twoByTwoWithIndices(FeatureMap input, int outHeight, int outWidth, int rowStride,
                                            int columnStride, float[] out, int[] indices, int first, int end) {
        float[] in = input.data;
        int width = input.width();
        int o = first * outHeight * outWidth;
        for (int plane = first; plane < end; plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < outHeight; oh++) {
                int top = rowStride * oh * width;
                int bottom = top + width;
                for (int ow = 0; ow < outWidth; ow++, o++) {
                    int left = columnStride * ow;
                    float a = in[base + top + left];
                    float b = in[base + top + left + 1];
                    float c = in[base + bottom + left];
                    float d = in[base + bottom + left + 1];
                    float max = Math.max(Math.max(a, b), Math.max(c, d));
                    int at;
                    if (max == max) {
                        at = bottom + left + 1;
                        at = c == max ? bottom + left : at;
                        at = b == max ? top + left + 1 : at;
                        at = a == max ? top + left : at;
                    } else {
                        at = d != d ? bottom + left + 1 : c != c ? bottom + left : b != b ? top + left + 1 : top + left;
                    }
                    indices[o] = at;
                    out[o] = in[base + at];
                }
            }
        }
    }

    /** Where in window {@code (oh, ow)} its maximum {@code max} is: see {@link #poolWithIndicesPlanes}. */
    private static int position(float[] in, int base, int width, AxisWindows rows, AxisWindows cols, int oh, int ow,
                                float max) {
        int found = 0;
        if (Float.isNaN(max)) { // the last NaN
            for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
                for (int w = cols.first[ow]; w < cols.end[ow]; w++) {
                    found = Float.isNaN(in[base + h * width + w]) ? h * width + w : found;
                }
            }
            return found;
        }
        for (int h = rows.end[oh] - 1; h >= rows.first[oh]; h--) { // backwards: the first match is written last
            for (int w = cols.end[ow] - 1; w >= cols.first[ow]; w--) {
                found = in[base + h * width + w] == max ? h * width + w : found;
            }
        }
        return found;
    }

    private static float[] negativeInfinity(int length) {
        float[] cells = new float[length];
        Arrays.fill(cells, Float.NEGATIVE_INFINITY);
        return cells;
    }
}
