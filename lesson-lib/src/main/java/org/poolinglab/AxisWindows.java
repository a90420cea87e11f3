package org.poolinglab;

/**
 * Where every window lies along one axis (the rows, or the columns), worked out once per call so the
 * pooling loops only read cells. Window {@code o} covers the input cells
 * {@code start[o], start[o] + step, ...}; those inside the input run from {@code first[o]} up to (not
 * including) {@code end[o]}. Cells outside the input are padding.
 */
final class AxisWindows {

    /** Cells in the input along this axis. */
    final int inputLength;
    /** Cells the window covers, counting padding and skipped (dilated) cells. */
    final int[] start;
    /** Window length counting padding but not what overhangs the padding (an average's divisor). */
    final int[] paddedLength;
    /** First input cell the window reads. */
    final int[] first;
    /** One past the last input cell the window reads. */
    final int[] end;
    /** Distance between the cells a window reads: the dilation, 1 for adjacent cells. */
    final int step;
    /**
     * Cells every window spans, padding and skipped cells included, when all windows are alike (sliding
     * windows); 0 for adaptive windows, whose lengths differ.
     */
    final int span;

    private AxisWindows(int inputLength, int count, int step, int span) {
        this.inputLength = inputLength;
        this.span = span;
        this.start = new int[count];
        this.paddedLength = new int[count];
        this.first = new int[count];
        this.end = new int[count];
        this.step = step;
    }

    /** Number of windows along this axis: the output length. */
    int count() {
        return start.length;
    }

    /** Window {@code o}'s length as an average counts it: with its padding cells, or its input cells only. */
    int counted(int o, boolean countPadding) {
        return countPadding ? paddedLength[o] : end[o] - first[o];
    }

    /** Windows of a fixed size sliding by {@code stride}, as in max/avg pooling. */
    static AxisWindows sliding(int input, int window, int stride, int padBefore, int padAfter, int dilation,
                               int count) {
        AxisWindows axis = new AxisWindows(input, count, dilation, (window - 1) * dilation + 1);
        for (int o = 0; o < count; o++) {
            int start = o * stride - padBefore;
            int last = start + (window - 1) * dilation;
            int first = start;
            while (first < 0) {
                first += dilation; // the first cell the window reads that is not padding
            }
            axis.start[o] = start;
            axis.paddedLength[o] = Math.min(start + window, input + padAfter) - start;
            axis.first[o] = first;
            axis.end[o] = Math.min(last, input - 1) + 1;
        }
        return axis;
    }

    /**
     * {@code count} windows that together cover the input, as in adaptive pooling: window {@code o}
     * covers cells {@code floor(o * in / count)} up to {@code ceil((o + 1) * in / count)}.
     */
    static AxisWindows adaptive(int input, int count) {
        AxisWindows axis = new AxisWindows(input, count, 1, 0);
        for (int o = 0; o < count; o++) {
            int first = (int) ((long) o * input / count);
            int end = (int) (((long) (o + 1) * input + count - 1) / count);
            axis.start[o] = first;
            axis.first[o] = first;
            axis.end[o] = end;
            axis.paddedLength[o] = end - first;
        }
        return axis;
    }
}
