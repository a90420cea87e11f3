package org.poolinglab;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable stack of feature maps: a 4-D tensor of {@code float} values with shape
 * {@code N x C x H x W} (batch, channels, height, width), stored the way PyTorch stores it.
 *
 * <p>All values live in one flat array, row after row, plane after plane ("NCHW", row-major). For a
 * single 4x4 map (N = C = 1) the cell in row {@code h} and column {@code w} sits at index
 * {@code h * 4 + w}:
 * <pre>
 *          w=0  w=1  w=2  w=3
 *   h=0 [   0    1    2    3 ]
 *   h=1 [   4    5    6    7 ]
 *   h=2 [   8    9   10   11 ]
 *   h=3 [  12   13   14   15 ]
 * </pre>
 * In general, cell {@code (n, c, h, w)} is at {@code ((n * C + c) * H + h) * W + w}.
 *
 * <p>A {@code FeatureMap} never changes. The {@code of} factories copy the arrays they are given and
 * {@link #toArray()} / {@link #toFloatArray()} return fresh copies, so no caller can change a map
 * behind another's back. (The one exception is {@link #wrap}, for code that hands over an array it has
 * just filled and never touches again.) {@link #reshape} shares the values, which is safe for the same reason.
 */
public final class FeatureMap {

    /** Maps with at most this many rows and columns print their values; larger ones print a summary. */
    private static final int PRINTABLE_SIDE = 16;
    private static final int PRINTABLE_PLANES = 8;

    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    /** The values in NCHW order. Package-private so the pooling kernels read it without a copy; never written. */
    final float[] data;

    private FeatureMap(int batch, int channels, int height, int width, float[] data) {
        AnswerRule.refuseWhileAnswering();
        this.batch = batch;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /**
     * A single feature map (shape {@code 1 x 1 x H x W}) from its rows.
     *
     * @param rows the values, {@code rows[h][w]}; not modified. Must be non-empty and rectangular.
     */
    public static FeatureMap of(double[][] rows) {
        return of(new double[][][] {Check.notNull("rows", rows)});
    }

    /**
     * One image with several channels (shape {@code 1 x C x H x W}).
     *
     * @param planes the values, {@code planes[c][h][w]}; not modified. Every channel must have the same
     *               non-zero number of rows, and every row the same non-zero length.
     */
    public static FeatureMap of(double[][][] planes) {
        Check.notNull("planes", planes);
        Check.argument(planes.length > 0, () -> "planes must not be empty");
        double[][] first = Check.notNull("planes[0]", planes[0]);
        Check.argument(first.length > 0, () -> "rows must not be empty");
        Check.notNull(planes.length == 1 ? "rows[0]" : "planes[0][0]", first[0]);
        int height = first.length;
        int width = first[0].length;
        Check.argument(width > 0, () -> "rows must not be empty: row 0 has no values");

        float[] data = new float[planes.length * height * width];
        int i = 0;
        for (int c = 0; c < planes.length; c++) {
            double[][] plane = Check.notNull("planes[" + c + "]", planes[c]);
            int channel = c;
            Check.argument(plane.length == height, () -> "every channel must have " + height
                    + " rows (like channel 0) but channel " + channel + " has " + plane.length);
            for (int h = 0; h < height; h++) {
                double[] row = Check.notNull(planes.length == 1 ? "rows[" + h + "]" : "planes[" + c + "][" + h + "]", plane[h]);
                int rowIndex = h;
                Check.argument(row.length == width, () -> "rows must all have the same length: row "
                        + rowIndex + (planes.length == 1 ? "" : " of channel " + channel) + " has "
                        + row.length + " values but row 0 has " + width);
                for (double value : row) {
                    data[i++] = (float) value;
                }
            }
        }
        return new FeatureMap(1, planes.length, height, width, data);
    }

    /**
     * A map of any shape from its values in NCHW order.
     *
     * @param shape {@code {N, C, H, W}}, each at least 1; not modified
     * @param data  {@code N*C*H*W} values, row-major; copied, not modified
     */
    public static FeatureMap of(int[] shape, float[] data) {
        checkShape(shape, data);
        return new FeatureMap(shape[0], shape[1], shape[2], shape[3], data.clone());
    }

    /**
     * Like {@link #of(int[], float[])}, but the map takes {@code data} over instead of copying it: for
     * code that has just filled a fresh array and never touches it again, such as the layers of
     * {@code org.poolinglab.nn}, which make maps of a million values on every training step. Changing
     * the array afterwards would change the map, so everywhere else use {@code of}.
     *
     * @param shape {@code {N, C, H, W}}, each at least 1; not modified
     * @param data  {@code N*C*H*W} values, row-major; from now on owned by the map
     */
    public static FeatureMap wrap(int[] shape, float[] data) {
        checkShape(shape, data);
        return new FeatureMap(shape[0], shape[1], shape[2], shape[3], data);
    }

    private static void checkShape(int[] shape, float[] data) {
        Check.notNull("shape", shape);
        Check.notNull("data", data);
        Check.argument(shape.length == 4, () -> "shape must have 4 entries {N, C, H, W} but was "
                + Arrays.toString(shape));
        String[] names = {"N", "C", "H", "W"};
        long size = 1;
        for (int i = 0; i < 4; i++) {
            int axis = i;
            Check.argument(shape[i] >= 1, () -> "shape " + names[axis] + " must be >= 1 but was "
                    + shape[axis] + " in " + Arrays.toString(shape));
            size *= shape[i];
        }
        long expected = size;
        Check.argument(data.length == expected, () -> "data must have " + expected + " values for shape "
                + describe(shape) + " but has " + data.length);
    }

    /** Takes ownership of {@code data} without copying: for the pooling kernels' fresh outputs only. */
    static FeatureMap wrap(int batch, int channels, int height, int width, float[] data) {
        return new FeatureMap(batch, channels, height, width, data);
    }

    /** {@code {N, C, H, W}}, a fresh copy. */
    public int[] shape() {
        return new int[] {batch, channels, height, width};
    }

    public int batch() {
        return batch;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Height and width of each plane. */
    public Size size() {
        return new Size(height, width);
    }

    /** The value at batch {@code n}, channel {@code c}, row {@code h}, column {@code w}. */
    public float get(int n, int c, int h, int w) {
        return data[offset(n, c) + Check.index("h", h, height) * width + Check.index("w", w, width)];
    }

    /**
     * The values of a single map as {@code rows[h][w]}, a fresh copy.
     *
     * @throws IllegalArgumentException when the map holds more than one plane; use {@link #channel}
     */
    public double[][] toArray() {
        Check.argument(batch == 1 && channels == 1, () -> "toArray() needs a 1x1xHxW map but this one is "
                + describe(shape()) + "; take one plane first with channel(n, c)");
        double[][] rows = new double[height][width];
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                rows[h][w] = data[h * width + w];
            }
        }
        return rows;
    }

    /** All values in NCHW order, a fresh copy. */
    public float[] toFloatArray() {
        return data.clone();
    }

    /**
     * The same values, in the same order, in another shape with as many cells, e.g. each image's
     * {@code C x H x W} values as one vector: {@code map.reshape(n, c * h * w, 1, 1)}. No copy is made: a
     * map never changes, so the two can share their values.
     *
     * @param shape {@code N, C, H, W}, each at least 1, with {@code N*C*H*W} equal to this map's number of cells
     */
    public FeatureMap reshape(int... shape) {
        Check.notNull("shape", shape);
        Check.argument(shape.length != 4 || (long) shape[0] * shape[1] * shape[2] * shape[3] == data.length
                || Arrays.stream(shape).anyMatch(side -> side < 1), () -> "shape " + describe(shape)
                + " must have as many cells as this map's " + describe(shape()) + " (" + data.length + ")");
        checkShape(shape, data);
        return new FeatureMap(shape[0], shape[1], shape[2], shape[3], data);
    }

    /** The plane of batch {@code n}, channel {@code c}, as a {@code 1 x 1 x H x W} map. */
    public FeatureMap channel(int n, int c) {
        int start = offset(n, c);
        return new FeatureMap(1, 1, height, width, Arrays.copyOfRange(data, start, start + height * width));
    }

    private int offset(int n, int c) {
        return ((Check.index("n", n, batch) * channels) + Check.index("c", c, channels)) * height * width;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureMap that
                && Arrays.equals(shape(), that.shape())
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape()) + Arrays.hashCode(data);
    }

    /**
     * The shape, then the values as a grid, one block per plane, e.g.
     * <pre>
     * FeatureMap 1x1x2x2
     * 6  5
     * 8  9
     * </pre>
     * Maps too large to read print their shape with min, max and mean instead.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FeatureMap ").append(describe(shape()));
        if (height > PRINTABLE_SIDE || width > PRINTABLE_SIDE || batch * channels > PRINTABLE_PLANES) {
            return text.append(summary()).toString();
        }
        String[] cells = formatValues(data);
        int cellWidth = Arrays.stream(cells).mapToInt(String::length).max().orElse(1);
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                if (batch * channels > 1) {
                    text.append("\n[n=").append(n).append(", c=").append(c).append(']');
                }
                int start = (n * channels + c) * height * width;
                for (int h = 0; h < height; h++) {
                    text.append('\n');
                    for (int w = 0; w < width; w++) {
                        String cell = cells[start + h * width + w];
                        text.append(" ".repeat(cellWidth - cell.length() + (w == 0 ? 0 : 2))).append(cell);
                    }
                }
            }
        }
        return text.toString();
    }

    private String summary() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float value : data) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
        }
        String[] numbers = formatValues(new float[] {(float) min, (float) max, (float) (sum / data.length)});
        return " (min " + numbers[0] + ", max " + numbers[1] + ", mean " + numbers[2] + ")";
    }

    /** Formats every value with the fewest decimals (0 to 4) that show all of them, e.g. 3.5, 2.5, 4.0. */
    private static String[] formatValues(float[] values) {
        int decimals = 0;
        for (float value : values) {
            while (decimals < 4 && Float.isFinite(value) && !showsExactly(value, decimals)) {
                decimals++;
            }
        }
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            float value = values[i];
            if (Float.isNaN(value)) {
                cells[i] = "NaN";
            } else if (Float.isInfinite(value)) {
                cells[i] = value > 0 ? "inf" : "-inf";
            } else {
                cells[i] = String.format(Locale.ROOT, "%." + decimals + "f", value == 0 ? 0f : value);
            }
        }
        return cells;
    }

    private static boolean showsExactly(float value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.abs(Math.rint(value * scale) / scale - value) <= 1e-6 * Math.max(1, Math.abs(value));
    }

    static String describe(int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return text.toString();
    }
}
