package org.poolinglab;

import java.util.Arrays;

/**
 * The fast paths of average pooling, beside the reference loop {@link AveragePooling#poolPlanes} (which adds
 * in {@code double}). Both add in {@code float}, so they may differ from the reference in the last bits; the
 * tests hold them to the conformance tolerance, 1e-5.
 *
 * <p><b>Sliding windows</b> ({@link #poolPlanes}): PyTorch's own arithmetic (each window's cells added
 * in {@code float} row by row from left to right, then divided in {@code float}), so the result is PyTorch's
 * bit for bit, but whole rows at a time: for each of a window's rows {@code h} and columns {@code j}, the
 * input row moved {@code j} cells to the left is added to a row of running window sums, in a loop the JIT
 * compiles to SIMD instructions (8 or 16 floats at once) because every array in it is read at the same index.
 *
 * <p><b>One window per plane</b> ({@link #wholePlanes}, global average pooling): each plane's sum in eight
 * {@code float} lanes the processor adds at the same time, combined in {@code double} every {@value #CHUNK}
 * cells, so each lane adds at most {@value #CHUNK}/8 values in {@code float} and its rounding stays small.
 * When the JVM has the Vector API ({@link #VECTOR_API}), the map is large ({@link #VECTOR_API_MIN_CELLS}), its
 * planes small (one chunk) and that path warmed up ({@link VectorApiWarmUp#ready()}), {@link VectorWholePlanes}
 * adds the same eight lanes with one instruction, two planes at a time, and gets the same bits.
 */
final class FastAveragePooling {

    /** Cells summed in float lanes before they are added to the double total. */
    static final int CHUNK = 256;

    /**
     * Whether this JVM has the Vector API: it was started with {@code --add-modules jdk.incubator.vector} (the
     * kit's kernel, tests and benchmarks are). Then large maps of small planes are pooled by
     * {@link VectorWholePlanes}, eight floats with one instruction, once {@link VectorApiWarmUp} has found
     * it compiled and fast on this processor. Without it, the plain loop of {@link #floatLaneSum} gives the
     * same results, slower.
     */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * The cells a map needs for global average pooling to take the Vector API: below this a call is short
     * either way, and small maps, a notebook's, never start the warm-up ({@link VectorApiWarmUp}).
     * Large ones, which benchmarks and training pool over and over, get the speed. Both give the same bits.
     */
    static final long VECTOR_API_MIN_CELLS = 1 << 17;

    private FastAveragePooling() {
    }

    /** Sliding windows: every window has the same width (average pooling never dilates). */
    static boolean applies(Windows windows) {
        return windows.cols().span > 0;
    }

    /** Average pooling of planes {@code [first, end)} into {@code out}, in float, whole rows at a time. */
    static void poolPlanes(FeatureMap input, Windows windows, boolean countPadding, int divisorOverride, float[] out,
                           int first, int end) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        int stride = cols.count() > 1 ? cols.start[1] - cols.start[0] : 1;
        // Scratch cell s stands for input column s + cols.start[0]: window ow starts at scratch cell ow * stride.
        float[] sums = new float[(cols.count() - 1) * stride + 1]; // sums[s]: the window starting at s, so far
        float[] shifted = new float[sums.length];
        float[] means = new float[cols.count()];
        float[] columnCells = new float[cols.count()]; // a window's divisor is its rows' count times this
        for (int ow = 0; ow < cols.count(); ow++) {
            columnCells[ow] = divisorOverride != 0 ? 1 : cols.counted(ow, countPadding);
        }
        int o = first * rows.count() * cols.count();
        for (int plane = first; plane < end; plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                Arrays.fill(sums, 0);
                for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
                    for (int j = 0; j < cols.span; j++) {
                        shiftRow(input.data, base + h * width, width, cols.start[0] + j, shifted);
                        for (int s = 0; s < sums.length; s++) {
                            sums[s] += shifted[s];
                        }
                    }
                }
                for (int ow = 0; ow < cols.count(); ow++) {
                    means[ow] = sums[ow * stride];
                }
                float rowCells = divisorOverride != 0 ? divisorOverride : rows.counted(oh, countPadding);
                for (int ow = 0; ow < cols.count(); ow++) {
                    means[ow] = means[ow] / (rowCells * columnCells[ow]);
                }
                System.arraycopy(means, 0, out, o, cols.count());
                o += cols.count();
            }
        }
    }

    /** {@code shifted[s]} = cell {@code s + offset} of the row starting at {@code rowStart}, 0 outside the row. */
    private static void shiftRow(float[] in, int rowStart, int width, int offset, float[] shifted) {
        int from = Math.min(Math.max(0, -offset), shifted.length);
        int to = Math.max(from, Math.min(shifted.length, width - offset));
        Arrays.fill(shifted, 0, from, 0);
        if (to > from) {
            System.arraycopy(in, rowStart + offset + from, shifted, from, to - from);
        }
        Arrays.fill(shifted, to, shifted.length, 0);
    }

    /** One window per plane, covering all of it: global average pooling. */
    static boolean isWholePlane(Windows windows) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        return rows.count() == 1 && cols.count() == 1
                && rows.first[0] == 0 && rows.end[0] == rows.inputLength
                && cols.first[0] == 0 && cols.end[0] == cols.inputLength;
    }

    /** Pools planes {@code [first, end)} when each is one window ({@link #isWholePlane}). */
    static void wholePlanes(FeatureMap input, Windows windows, boolean countPadding, int divisorOverride, float[] out,
                            int first, int end) {
        int cells = input.height() * input.width();
        double divisor = AveragePooling.divisor(windows.rows(), windows.cols(), 0, 0, countPadding, divisorOverride);
        boolean largeMap = (long) input.batch() * input.channels() * cells >= VECTOR_API_MIN_CELLS;
        if (VECTOR_API && largeMap && cells <= CHUNK && VectorApiWarmUp.ready()) {
            VectorWholePlanes.means(input.data, cells, divisor, out, first, end);
            return;
        }
        for (int plane = first; plane < end; plane++) {
            out[plane] = (float) (floatLaneSum(input.data, plane * cells, plane * cells + cells) / divisor);
        }
    }

    /**
     * {@code in[from] + ... + in[to - 1]}: eight float lanes (lane {@code k} adds the cells {@code 8m + k}), each
     * {@link #CHUNK} cells folded in half three times (lane {@code k} plus lane {@code k + 4}, then {@code k + 2},
     * then {@code k + 1}) and added to a double total, which then adds the last cells one by one.
     */
    static double floatLaneSum(float[] in, int from, int to) {
        double total = 0;
        int i = from;
        while (to - i >= 8) {
            int chunkEnd = i + Math.min(CHUNK, (to - i) / 8 * 8);
            float lane0 = 0;
            float lane1 = 0;
            float lane2 = 0;
            float lane3 = 0;
            float lane4 = 0;
            float lane5 = 0;
            float lane6 = 0;
            float lane7 = 0;
            for (; i < chunkEnd; i += 8) {
                lane0 += in[i];
                lane1 += in[i + 1];
                lane2 += in[i + 2];
                lane3 += in[i + 3];
                lane4 += in[i + 4];
                lane5 += in[i + 5];
                lane6 += in[i + 6];
                lane7 += in[i + 7];
            }
            total += ((lane0 + lane4) + (lane2 + lane6)) + ((lane1 + lane5) + (lane3 + lane7));
        }
        for (; i < to; i++) {
            total += in[i];
        }
        return total;
    }
}
