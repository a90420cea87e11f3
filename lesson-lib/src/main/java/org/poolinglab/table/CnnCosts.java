package org.poolinglab.table;

import org.poolinglab.AnswerRule;
import org.poolinglab.PoolSpec;
import org.poolinglab.Size;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The size and cost of a small CNN, layer by layer, to see what pooling saves. Built fluently:
 * <pre>{@code
 * CnnCosts.input(1, 28, 28).conv(8, 3).maxPool(2).conv(16, 3).maxPool(2).dense(10).table()
 * }</pre>
 * Convolutions have stride 1 and no padding. Parameters count weights and biases; multiply-adds count
 * the multiplications (each with its addition) a forward pass of one image needs. Pooling has no
 * parameters, but it is not free: max pooling makes {@code k*k - 1} comparisons per output value
 * (counted as comparisons), average pooling multiplies each of its {@code k*k} cells by {@code 1/(k*k)}
 * and adds them up (counted as multiply-adds, like a convolution with fixed weights).
 */
public final class CnnCosts {

    private final StringColumn layer = StringColumn.create("layer");
    private final StringColumn output = StringColumn.create("output (C x H x W)");
    private final LongColumn parameters = LongColumn.create("parameters");
    private final LongColumn multiplyAdds = LongColumn.create("multiply-adds");
    private final LongColumn comparisons = LongColumn.create("comparisons");
    private int channels;
    private int height;
    private int width;

    private CnnCosts(int channels, int height, int width) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        add("input", 0, 0, 0);
    }

    /** A network whose input is {@code channels x height x width}. */
    public static CnnCosts input(int channels, int height, int width) {
        atLeastOne("channels", channels);
        atLeastOne("height", height);
        atLeastOne("width", width);
        return new CnnCosts(channels, height, width);
    }

    /** A convolution with {@code filters} filters of {@code size x size}. */
    public CnnCosts conv(int filters, int size) {
        atLeastOne("filters", filters);
        atLeastOne("size", size);
        if (size > height || size > width) {
            throw new IllegalArgumentException("size " + size + " must fit in the current " + height + "x" + width + " maps");
        }
        long weights = (long) size * size * channels * filters;
        int outHeight = height - size + 1;
        int outWidth = width - size + 1;
        long products = (long) outHeight * outWidth * filters * size * size * channels;
        channels = filters;
        height = outHeight;
        width = outWidth;
        add("conv " + size + "x" + size + ", " + filters + " filters", weights + filters, products, 0);
        return this;
    }

    /** Max pooling with a {@code window x window} window and stride = window: {@code k*k - 1} comparisons per output value. */
    public CnnCosts maxPool(int window) {
        long outputs = pool(window);
        add("max pool " + window + "x" + window, 0, 0, outputs * ((long) window * window - 1));
        return this;
    }

    /** Average pooling with a {@code window x window} window and stride = window: {@code k*k} multiply-adds per output value. */
    public CnnCosts avgPool(int window) {
        long outputs = pool(window);
        add("avg pool " + window + "x" + window, 0, outputs * window * window, 0);
        return this;
    }

    /** Global average pooling: one value per channel, the mean of its {@code H*W} cells. */
    public CnnCosts globalAvgPool() {
        long cells = (long) channels * height * width;
        height = 1;
        width = 1;
        add("global avg pool", 0, cells, 0);
        return this;
    }

    /** A fully connected layer with {@code units} outputs, on everything flattened. */
    public CnnCosts dense(int units) {
        atLeastOne("units", units);
        long inputs = (long) channels * height * width;
        channels = units;
        height = 1;
        width = 1;
        add("dense " + units + " (from " + inputs + " inputs)", inputs * units + units, inputs * units, 0);
        return this;
    }

    /** Every layer: its output shape, parameters, multiply-adds and comparisons, with a total row. */
    public Table table() {
        Table table = Table.create("CNN costs", layer.copy(), output.copy(), parameters.copy(), multiplyAdds.copy(),
                comparisons.copy());
        table.stringColumn(0).append("total");
        table.stringColumn(1).append("");
        table.longColumn(2).append(parameters());
        table.longColumn(3).append(multiplyAdds());
        table.longColumn(4).append(comparisons());
        return table;
    }

    /** All parameters (weights and biases) of the network. */
    public long parameters() {
        return (long) parameters.sum();
    }

    /** The parameters of the layers whose name starts with {@code kind}: "conv", "dense", "max pool", ... */
    public long parameters(String kind) {
        return sumOf(parameters, kind);
    }

    /** All multiply-adds of a forward pass of one image. */
    public long multiplyAdds() {
        return (long) multiplyAdds.sum();
    }

    /** The multiply-adds of the layers whose name starts with {@code kind}: "conv", "dense", "avg pool", ... */
    public long multiplyAdds(String kind) {
        return sumOf(multiplyAdds, kind);
    }

    /** All comparisons of a forward pass of one image (max pooling's). */
    public long comparisons() {
        return (long) comparisons.sum();
    }

    /** The shape after the last layer, e.g. {@code "16 x 5 x 5"}. */
    public String outputShape() {
        return channels + " x " + height + " x " + width;
    }

    /** Shrinks the maps with a {@code window x window} pooling, stride = window; returns the output values. */
    private long pool(int window) {
        Size out = PoolSpec.of(window).outputShape(height, width);
        height = out.height();
        width = out.width();
        return (long) channels * height * width;
    }

    private void add(String name, long layerParameters, long layerMultiplyAdds, long layerComparisons) {
        AnswerRule.refuseWhileAnswering();
        layer.append(name);
        output.append(outputShape());
        parameters.append(layerParameters);
        multiplyAdds.append(layerMultiplyAdds);
        comparisons.append(layerComparisons);
    }

    private long sumOf(LongColumn column, String kind) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must name a layer kind (conv, dense, max pool, avg pool, "
                    + "global avg pool) but was '" + kind + "'");
        }
        long sum = 0;
        boolean found = false;
        for (int row = 0; row < layer.size(); row++) {
            if (layer.get(row).startsWith(kind)) {
                sum += column.get(row);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("kind '" + kind + "' matches no layer of " + layer.asList());
        }
        return sum;
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
        }
    }
}
