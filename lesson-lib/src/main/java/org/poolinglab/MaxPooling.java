package org.poolinglab;

/** The max pooling loop, shared by every max operation (sliding, adaptive, global). */
final class MaxPooling {

    private MaxPooling() {
    }

    /**
     * For every plane and window, the largest value. NaN wins over any number and a later NaN over an
     * earlier one, and among equal maxima the first in scan order wins: all exactly as in PyTorch.
     *
     * @param indices when not null, receives each maximum's position {@code h * W + w} in its input
     *                plane, in the output's NCHW order
     */
    static FeatureMap pool(FeatureMap input, Windows windows, int[] indices) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        int width = input.width();
        int planeSize = input.height() * width;
        int planes = input.batch() * input.channels();
        float[] in = input.data;
        float[] out = new float[planes * rows.count() * cols.count()];
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * planeSize;
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
                    if (indices != null) {
                        indices[o] = argmax;
                    }
                    o++;
                }
            }
        }
        return FeatureMap.wrap(input.batch(), input.channels(), rows.count(), cols.count(), out);
    }
}
