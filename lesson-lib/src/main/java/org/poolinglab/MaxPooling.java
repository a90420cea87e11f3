package org.poolinglab;

/**
 * The max pooling loops, shared by every max operation (sliding, adaptive, global), and the loops that
 * move values along the indices max pooling records: its backward pass and max unpooling. NaN wins over
 * any number, and among equal maxima the first in scan order wins: both exactly as in PyTorch.
 */
final class MaxPooling {

    private MaxPooling() {
    }

    /**
     * For every plane and window, the largest value: through {@link FastMaxPooling} when the windows have no
     * dilation, else through the reference loop {@link #poolPlanes}.
     */
    static FeatureMap pool(FeatureMap input, Windows windows) {
        float[] out = new float[windows.outputCells(input)];
        Parallel.Range loop = FastMaxPooling.applies(windows)
                ? (first, end) -> FastMaxPooling.poolPlanes(input, windows, out, first, end)
                : (first, end) -> poolPlanes(input, windows, out, first, end);
        Parallel.forEachPlane(input.batch() * input.channels(), windows.cellsPerPlane(input), loop);
        return windows.outputOf(input, out);
    }

    /**
     * The reference loop: every window cell by cell, planes {@code [first, end)}. Kept apart from
     * {@link #poolWithIndices}: without the position to track, {@code Math.max} runs branch-free, about four
     * times faster on random data.
     */
    static void poolPlanes(FeatureMap input, Windows windows, float[] out, int first, int end) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        float[] in = input.data;
        int o = first * rows.count() * cols.count();
        for (int plane = first; plane < end; plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int h = rows.first[oh]; h < rows.end[oh]; h += rows.step) {
                        int rowStart = base + h * width;
                        for (int w = cols.first[ow]; w < cols.end[ow]; w += cols.step) {
                            max = Math.max(max, in[rowStart + w]); // NaN if either is NaN
                        }
                    }
                    out[o++] = max;
                }
            }
        }
    }

    /**
     * Like {@link #pool}, and writes each maximum's position {@code h * W + w} in its input plane to
     * {@code indices}, in the output's NCHW order: the first maximum in scan order, but a later NaN replaces
     * an earlier one, as in PyTorch. Through {@link FastMaxPooling} when the windows have no dilation, else
     * through the reference loop {@link #poolWithIndicesPlanes}.
     */
    static FeatureMap poolWithIndices(FeatureMap input, Windows windows, int[] indices) {
        float[] out = new float[windows.outputCells(input)];
        Parallel.Range loop = FastMaxPooling.applies(windows)
                ? (first, end) -> FastMaxPooling.poolWithIndicesPlanes(input, windows, out, indices, first, end)
                : (first, end) -> poolWithIndicesPlanes(input, windows, out, indices, first, end);
        Parallel.forEachPlane(input.batch() * input.channels(), windows.cellsPerPlane(input), loop);
        return windows.outputOf(input, out);
    }

    /** The reference loop of {@link #poolWithIndices}: every window cell by cell, planes {@code [first, end)}. */
    static void poolWithIndicesPlanes(FeatureMap input, Windows windows, float[] out, int[] indices,
                                      int first, int end) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        float[] in = input.data;
        int o = first * rows.count() * cols.count();
        for (int plane = first; plane < end; plane++) {
            int base = plane * input.height() * width;
            for (int oh = 0; oh < rows.count(); oh++) {
                for (int ow = 0; ow < cols.count(); ow++) {
                    float max = Float.NEGATIVE_INFINITY;
                    int argmax = rows.first[oh] * width + cols.first[ow];
                    for (int h = rows.first[oh]; h < rows.end[oh]; h += rows.step) {
                        for (int w = cols.first[ow]; w < cols.end[ow]; w += cols.step) {
                            float value = in[base + h * width + w];
                            if (value > max || Float.isNaN(value)) {
                                max = value;
                                argmax = h * width + w;
                            }
                        }
                    }
                    out[o] = max;
                    indices[o++] = argmax;
                }
            }
        }
    }

    /**
     * The backward pass of max pooling: only the cell each maximum came from had any effect on the output,
     * so each output cell's whole gradient goes back to that one cell. When windows overlap, a cell that
     * was the maximum of several windows collects the sum of their gradients. A dilated window can cover
     * only padding; its index (as PyTorch reports it) lies past the plane, and its gradient goes nowhere.
     *
     * @param indices each output cell's maximum as {@code h * W + w} in its input plane, in NCHW order
     */
    static FeatureMap routeGradient(int[] indices, FeatureMap gradOutput, int[] inputShape) {
        float[] grad = gradOutput.data;
        float[] gradInput = new float[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        int outputPlane = gradOutput.height() * gradOutput.width();
        int inputPlane = inputShape[2] * inputShape[3];
        Parallel.forEachPlane(inputShape[0] * inputShape[1], inputPlane + outputPlane, (first, end) -> {
            for (int plane = first, o = first * outputPlane; plane < end; plane++) {
                int base = plane * inputPlane;
                for (int planeEnd = o + outputPlane; o < planeEnd; o++) {
                    int index = indices[o];
                    if (index < inputPlane) { // else the window covered only padding: no input cell to send it to
                        gradInput[base + index] += grad[o];
                    }
                }
            }
        });
        return FeatureMap.wrap(inputShape[0], inputShape[1], inputShape[2], inputShape[3], gradInput);
    }

    /**
     * Max unpooling: each pooled value goes back to the cell its index names, in a plane of zeros of
     * {@code outputSize}. When two values name the same cell, the later one stays (PyTorch's CPU order).
     */
    static FeatureMap unpool(FeatureMap pooled, int[] indices, Size outputSize) {
        float[] values = pooled.data;
        int pooledPlane = pooled.height() * pooled.width();
        int outputPlane = outputSize.height() * outputSize.width();
        float[] out = new float[pooled.batch() * pooled.channels() * outputPlane];
        Parallel.forEachPlane(pooled.batch() * pooled.channels(), pooledPlane + outputPlane, (first, end) -> {
            for (int plane = first, i = first * pooledPlane; plane < end; plane++) {
                int base = plane * outputPlane;
                for (int planeEnd = i + pooledPlane; i < planeEnd; i++) {
                    out[base + indices[i]] = values[i];
                }
            }
        });
        return FeatureMap.wrap(pooled.batch(), pooled.channels(), outputSize.height(), outputSize.width(), out);
    }

    /**
     * The backward pass of max unpooling: each pooled value was copied to one cell, so its gradient is
     * that cell's gradient.
     */
    static FeatureMap gatherGradient(FeatureMap pooled, int[] indices, FeatureMap gradOutput) {
        float[] grad = gradOutput.data;
        int pooledPlane = pooled.height() * pooled.width();
        int outputPlane = gradOutput.height() * gradOutput.width();
        float[] gradInput = new float[indices.length];
        Parallel.forEachPlane(pooled.batch() * pooled.channels(), pooledPlane * 2L, (first, end) -> {
            for (int plane = first, i = first * pooledPlane; plane < end; plane++) {
                int base = plane * outputPlane;
                for (int planeEnd = i + pooledPlane; i < planeEnd; i++) {
                    gradInput[i] = grad[base + indices[i]];
                }
            }
        });
        return FeatureMap.wrap(pooled.batch(), pooled.channels(), pooled.height(), pooled.width(), gradInput);
    }
}
