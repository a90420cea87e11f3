package org.poolinglab;

/**
 * Just enough convolution to show what pooling is for: a convolution layer finds features with its
 * filters, a ReLU keeps the positive responses, and pooling then shrinks the maps.
 */
public final class Convolution {

    /** Responds to vertical edges (dark on the left, bright on the right): a Sobel filter. */
    public static final double[][] VERTICAL_EDGES = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
    /** Responds to horizontal edges (dark above, bright below): a Sobel filter. */
    public static final double[][] HORIZONTAL_EDGES = {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}};

    private Convolution() {
    }

    /**
     * A convolution with stride 1 and no padding ("valid"), computed as deep-learning libraries do
     * (cross-correlation: the filter is not flipped). Output channel {@code k} is filter {@code k}
     * slid over every input channel, summed over the channels; the output is
     * {@code N x filters x (H - fh + 1) x (W - fw + 1)}.
     *
     * @param filters one or more filters of the same size, each {@code filter[row][column]}; not modified
     */
    public static FeatureMap conv2d(FeatureMap input, double[][]... filters) {
        Check.notNull("input", input);
        Check.notNull("filters", filters);
        Check.argument(filters.length > 0, () -> "filters must not be empty");
        FeatureMap[] asMaps = new FeatureMap[filters.length];
        for (int k = 0; k < filters.length; k++) {
            asMaps[k] = FeatureMap.of(Check.notNull("filters[" + k + "]", filters[k]));
            int filter = k;
            Check.argument(asMaps[k].size().equals(asMaps[0].size()), () -> "filters must all have the same size: filter "
                    + filter + " is " + asMaps[filter].size() + " but filter 0 is " + asMaps[0].size());
        }
        int fh = asMaps[0].height();
        int fw = asMaps[0].width();
        int outHeight = input.height() - fh + 1;
        int outWidth = input.width() - fw + 1;
        Check.argument(outHeight >= 1 && outWidth >= 1, () -> "filters of " + fh + "x" + fw
                + " must fit in the input " + input.size());

        float[] in = input.data;
        float[] out = new float[input.batch() * filters.length * outHeight * outWidth];
        int o = 0;
        for (int n = 0; n < input.batch(); n++) {
            for (int k = 0; k < filters.length; k++) {
                float[] filter = asMaps[k].data;
                for (int h = 0; h < outHeight; h++) {
                    for (int w = 0; w < outWidth; w++) {
                        double sum = 0;
                        for (int c = 0; c < input.channels(); c++) {
                            int plane = (n * input.channels() + c) * input.height() * input.width();
                            for (int i = 0; i < fh; i++) {
                                for (int j = 0; j < fw; j++) {
                                    sum += filter[i * fw + j] * in[plane + (h + i) * input.width() + w + j];
                                }
                            }
                        }
                        out[o++] = (float) sum;
                    }
                }
            }
        }
        return FeatureMap.wrap(input.batch(), filters.length, outHeight, outWidth, out);
    }

    /** ReLU: every negative value becomes 0, the rest stay (NaN stays NaN). */
    public static FeatureMap relu(FeatureMap input) {
        Check.notNull("input", input);
        float[] out = input.toFloatArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 0) {
                out[i] = 0;
            }
        }
        return FeatureMap.wrap(input.batch(), input.channels(), input.height(), input.width(), out);
    }
}
