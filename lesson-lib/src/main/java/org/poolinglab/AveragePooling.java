package org.poolinglab;

/** The average and power-average (Lp) pooling loops, forward and backward. */
final class AveragePooling {

    private AveragePooling() {
    }

    /**
     * For every plane and window, the window's sum over its {@link #divisor}. Padding adds nothing to the sum.
     * Sliding windows and whole planes (global pooling) take a fast path of {@link FastAveragePooling}; other
     * adaptive windows the reference loop {@link #poolPlanes}.
     */
    static FeatureMap pool(FeatureMap input, Windows windows, boolean countPadding, int divisorOverride) {
        float[] out = new float[windows.outputCells(input)];
        Parallel.Range loop;
        if (FastAveragePooling.applies(windows)) {
            loop = (first, end) -> FastAveragePooling.poolPlanes(input, windows, countPadding, divisorOverride, out,
                    first, end);
        } else if (FastAveragePooling.isWholePlane(windows)) {
            loop = (first, end) -> FastAveragePooling.wholePlanes(input, windows, countPadding, divisorOverride, out,
                    first, end);
        } else {
            loop = (first, end) -> poolPlanes(input, windows, countPadding, divisorOverride, out, first, end);
        }
        Parallel.forEachPlane(input.batch() * input.channels(), windows.cellsPerPlane(input), loop);
        return windows.outputOf(input, out);
    }

    /** The reference loop: every window cell by cell, planes {@code [first, end)}. */
    static void poolPlanes(FeatureMap input, Windows windows, boolean countPadding, int divisorOverride, float[] out,
                           int first, int end) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        int o = first * rows.count() * cols.count();
        for (int plane = first; plane < end; plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    double total = 0;
                    for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
                        int rowStart = base + h * width;
                        total += sum(input.data, rowStart + cols.first[ow], rowStart + cols.end[ow]);
                    }
                    out[o++] = (float) (total / divisor(rows, cols, oh, ow, countPadding, divisorOverride));
                }
            }
        }
    }

    /**
     * The backward pass of average pooling: each output cell is its window's sum over a divisor, so each
     * input cell of the window receives the output cell's gradient divided by that same divisor. Padding
     * cells take their share of the divisor but, having no input cell, pass nothing on. Overlapping
     * windows add up.
     */
    static FeatureMap backward(int[] inputShape, Windows windows, boolean countPadding, int divisorOverride,
                               FeatureMap gradOutput) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int height = inputShape[2];
        int width = inputShape[3];
        float[] grad = gradOutput.data;
        float[] gradInput = new float[inputShape[0] * inputShape[1] * height * width];
        int outputPlane = rows.count() * cols.count();
        Parallel.forEachPlane(inputShape[0] * inputShape[1], (long) height * width + outputPlane, (first, end) -> {
            int o = first * outputPlane;
            for (int plane = first; plane < end; plane++) {
                int base = plane * height * width;
                for (int oh = 0; oh < rows.count(); oh++) {
                    for (int ow = 0; ow < cols.count(); ow++) {
                        float share = (float) ((double) grad[o++]
                                / divisor(rows, cols, oh, ow, countPadding, divisorOverride));
                        for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
                            int rowStart = base + h * width;
                            for (int w = cols.first[ow]; w < cols.end[ow]; w++) {
                                gradInput[rowStart + w] += share;
                            }
                        }
                    }
                }
            }
        });
        return FeatureMap.wrap(inputShape[0], inputShape[1], height, width, gradInput);
    }

    /**
     * What window {@code (oh, ow)}'s sum is divided by: {@code divisorOverride} when it is not 0, else the
     * window's cell count, counting padding cells when {@code countPadding}, else only the input cells.
     */
    static int divisor(AxisWindows rows, AxisWindows cols, int oh, int ow, boolean countPadding,
                       int divisorOverride) {
        if (divisorOverride != 0) {
            return divisorOverride;
        }
        return rows.counted(oh, countPadding) * cols.counted(ow, countPadding);
    }

    /**
     * Power-average pooling: {@code (sum of x^p) ^ (1/p)} per window, as PyTorch's {@code lp_pool2d},
     * with a window cut short by ceil mode scaled up as if it were full ({@link #fullWindowScale}).
     */
    static FeatureMap lpPool(FeatureMap input, Windows windows, double normType, Size window) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        float[] out = new float[windows.outputCells(input)];
        Parallel.forEachPlane(input.batch() * input.channels(), windows.cellsPerPlane(input), (first, end) -> {
            int o = first * rows.count() * cols.count();
            for (int plane = first; plane < end; plane++) {
                int base = plane * input.height() * input.width();
                for (int oh = 0; oh < rows.count(); oh++) {
                    for (int ow = 0; ow < cols.count(); ow++) {
                        double sum = powerSum(input, base, rows, cols, oh, ow, normType)
                                * fullWindowScale(rows, cols, oh, ow, window);
                        out[o++] = (float) Math.pow(sum, 1 / normType);
                    }
                }
            }
        });
        return windows.outputOf(input, out);
    }

    /**
     * The backward pass of power-average pooling, by the chain rule through its three steps: each cell
     * raised to the power {@code p} ({@code d/dx = p x^(p-1)}), the window's sum scaled to a full window
     * ({@code S = sum * full / read}), and the root ({@code d/dS = (1/p) S^(1/p - 1)}). A window whose
     * {@code S} is 0 passes no gradient on, as in PyTorch.
     */
    static FeatureMap lpPoolBackward(FeatureMap input, Windows windows, double normType, Size window,
                                     FeatureMap gradOutput) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        float[] in = input.data;
        float[] grad = gradOutput.data;
        float[] gradInput = new float[in.length];
        Parallel.forEachPlane(input.batch() * input.channels(), windows.cellsPerPlane(input), (first, end) -> {
            int o = first * rows.count() * cols.count();
            for (int plane = first; plane < end; plane++) {
                int base = plane * input.height() * width;
                for (int oh = 0; oh < rows.count(); oh++) {
                    for (int ow = 0; ow < cols.count(); ow++) {
                        double scale = fullWindowScale(rows, cols, oh, ow, window);
                        double sum = powerSum(input, base, rows, cols, oh, ow, normType) * scale;
                        double gradOfSum = sum == 0 ? 0
                                : grad[o] * (1 / normType) * Math.pow(sum, 1 / normType - 1) * scale;
                        o++;
                        for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
                            for (int w = cols.first[ow]; w < cols.end[ow]; w++) {
                                int cell = base + h * width + w;
                                gradInput[cell] += (float) (gradOfSum * normType * Math.pow(in[cell], normType - 1));
                            }
                        }
                    }
                }
            }
        });
        return FeatureMap.wrap(input.batch(), input.channels(), input.height(), width, gradInput);
    }

    /** {@code x^p} summed over the input cells of window {@code (oh, ow)} of the plane starting at {@code base}. */
    private static double powerSum(FeatureMap input, int base, AxisWindows rows, AxisWindows cols, int oh, int ow,
                                   double normType) {
        double sum = 0;
        for (int h = rows.first[oh]; h < rows.end[oh]; h++) {
            int rowStart = base + h * input.width();
            for (int w = cols.first[ow]; w < cols.end[ow]; w++) {
                sum += Math.pow(input.data[rowStart + w], normType);
            }
        }
        return sum;
    }

    /**
     * Like PyTorch, power-average pooling scales a window cut short by ceil mode up as if it were full:
     * {@code cells in a full window / cells read}; 1 for every whole window.
     */
    private static double fullWindowScale(AxisWindows rows, AxisWindows cols, int oh, int ow, Size window) {
        int cellsRead = (rows.end[oh] - rows.first[oh]) * (cols.end[ow] - cols.first[ow]);
        return (double) window.height() * window.width() / cellsRead;
    }

    /** {@code in[from] + ... + in[to - 1]}, in four running sums so the processor can add them in parallel. */
    static double sum(float[] in, int from, int to) {
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
