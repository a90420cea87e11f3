package org.poolinglab;

/** The average and power-average (Lp) pooling loops. */
final class AveragePooling {

    private AveragePooling() {
    }

    /**
     * For every plane and window, the window's sum divided by {@code divisorOverride} when it is not 0,
     * else by the window's cell count: counting padding cells when {@code countPadding}, else only the
     * input cells. Padding adds nothing to the sum.
     */
    static FeatureMap pool(FeatureMap input, Windows windows, boolean countPadding, int divisorOverride) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        float[] out = new float[windows.outputCells(input)];
        int o = 0;
        for (int plane = 0; plane < input.batch() * input.channels(); plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    double sum = windowSum(input.data, base, width, rows.first[oh], rows.end[oh],
                            cols.first[ow], cols.end[ow]);
                    int divisor = divisorOverride != 0 ? divisorOverride
                            : countPadding ? rows.paddedLength[oh] * cols.paddedLength[ow]
                            : (rows.end[oh] - rows.first[oh]) * (cols.end[ow] - cols.first[ow]);
                    out[o++] = (float) (sum / divisor);
                }
            }
        }
        return FeatureMap.wrap(input.batch(), input.channels(), rows.count(), cols.count(), out);
    }

    /**
     * Power-average pooling: {@code (sum of x^p) ^ (1/p)} per window, as PyTorch's {@code lp_pool2d}.
     * Like PyTorch, a window cut short by ceil mode is scaled up as if it were full:
     * {@code (sum * cells in a full window / cells read) ^ (1/p)}.
     */
    static FeatureMap lpPool(FeatureMap input, Windows windows, double normType, Size window) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        float[] in = input.data;
        float[] out = new float[windows.outputCells(input)];
        int fullWindow = window.height() * window.width();
        int o = 0;
        for (int plane = 0; plane < input.batch() * input.channels(); plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    double sum = 0;
                    for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
                        for (int w = cols.first[ow]; w < cols.end[ow]; w++) {
                            sum += Math.pow(in[base + h * width + w], normType);
                        }
                    }
                    int cellsRead = (rows.end[oh] - rows.first[oh]) * (cols.end[ow] - cols.first[ow]);
                    out[o++] = (float) Math.pow(sum * fullWindow / cellsRead, 1 / normType);
                }
            }
        }
        return FeatureMap.wrap(input.batch(), input.channels(), rows.count(), cols.count(), out);
    }

    /** The sum of the cells in rows {@code [firstRow, endRow)} and columns {@code [firstCol, endCol)} of a plane. */
    private static double windowSum(float[] in, int base, int width, int firstRow, int endRow, int firstCol,
                                     int endCol) {
        if (firstCol == 0 && endCol == width) {
            return sum(in, base + firstRow * width, base + endRow * width); // whole rows: one contiguous run
        }
        double total = 0;
        for (int h = firstRow; h < endRow; h++) {
            int rowStart = base + h * width;
            total += sum(in, rowStart + firstCol, rowStart + endCol);
        }
        return total;
    }

    /** {@code in[from] + ... + in[to - 1]}, in four running sums so the processor can add them in parallel. */
    private static double sum(float[] in, int from, int to) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            sum0 += in[i];
            sum1 += in[i + 1];
            sum2 += in[i + 2];
            sum3 += in[i + 3];
        }
        for (; i < to; i++) {
            sum0 += in[i];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }
}
