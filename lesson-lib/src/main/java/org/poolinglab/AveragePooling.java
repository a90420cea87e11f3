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
        float[] out = new float[outputSize(input, windows)];
        int o = 0;
        for (int plane = 0; plane < input.batch() * input.channels(); plane++) {
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    double sum = windowSum(input, plane, rows, oh, cols, ow, 1);
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
        float[] out = new float[outputSize(input, windows)];
        int fullWindow = window.height() * window.width();
        int o = 0;
        for (int plane = 0; plane < input.batch() * input.channels(); plane++) {
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    double sum = windowSum(input, plane, rows, oh, cols, ow, normType);
                    int cellsRead = (rows.end[oh] - rows.first[oh]) * (cols.end[ow] - cols.first[ow]);
                    out[o++] = (float) Math.pow(sum * fullWindow / cellsRead, 1 / normType);
                }
            }
        }
        return FeatureMap.wrap(input.batch(), input.channels(), rows.count(), cols.count(), out);
    }

    private static int outputSize(FeatureMap input, Windows windows) {
        return input.batch() * input.channels() * windows.rows().count() * windows.cols().count();
    }

    /** The sum of {@code value ^ power} over the input cells of window {@code (oh, ow)} of one plane. */
    private static double windowSum(FeatureMap input, int plane, AxisWindows rows, int oh, AxisWindows cols,
                                    int ow, double power) {
        float[] in = input.data;
        int width = input.width();
        int base = plane * input.height() * width;
        double sum = 0;
        for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
            int rowStart = base + h * width;
            for (int w = cols.first[ow]; w < cols.end[ow]; w++) {
                sum += power == 1 ? in[rowStart + w] : Math.pow(in[rowStart + w], power);
            }
        }
        return sum;
    }
}
