package org.poolinglab.table;

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
 * the multiplications a forward pass of one image needs (pooling needs none: it only compares or adds).
 */
public final class CnnCosts {

    private final StringColumn layer = StringColumn.create("layer");
    private final StringColumn output = StringColumn.create("output (C x H x W)");
    private final LongColumn parameters = LongColumn.create("parameters");
    private final LongColumn multiplyAdds = LongColumn.create("multiply-adds");
    private int channels;
    private int height;
    private int width;

    private CnnCosts(int channels, int height, int width) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        add("input", 0, 0);
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
        add("conv " + size + "x" + size + ", " + filters + " filters", weights + filters, products);
        return this;
    }

    /** Max pooling with a {@code window x window} window and stride = window. */
    public CnnCosts maxPool(int window) {
        return pool("max pool " + window + "x" + window, PoolSpec.of(window));
    }

    /** Average pooling with a {@code window x window} window and stride = window. */
    public CnnCosts avgPool(int window) {
        return pool("avg pool " + window + "x" + window, PoolSpec.of(window));
    }

    /** Global average pooling: one value per channel. */
    public CnnCosts globalAvgPool() {
        height = 1;
        width = 1;
        add("global avg pool", 0, 0);
        return this;
    }

    /** A fully connected layer with {@code units} outputs, on everything flattened. */
    public CnnCosts dense(int units) {
        atLeastOne("units", units);
        long inputs = (long) channels * height * width;
        channels = units;
        height = 1;
        width = 1;
        add("dense " + units + " (from " + inputs + " inputs)", inputs * units + units, inputs * units);
        return this;
    }

    /** Every layer: its output shape, parameters and multiply-adds, with a total row. */
    public Table table() {
        Table table = Table.create("CNN costs", layer.copy(), output.copy(), parameters.copy(), multiplyAdds.copy());
        table.stringColumn(0).append("total");
        table.stringColumn(1).append("");
        table.longColumn(2).append(parameters());
        table.longColumn(3).append(multiplyAdds());
        return table;
    }

    public long parameters() {
        return (long) parameters.sum();
    }

    public long multiplyAdds() {
        return (long) multiplyAdds.sum();
    }

    /** The shape after the last layer, e.g. {@code "16 x 5 x 5"}. */
    public String outputShape() {
        return channels + " x " + height + " x " + width;
    }

    private CnnCosts pool(String name, PoolSpec spec) {
        Size out = spec.outputShape(height, width);
        height = out.height();
        width = out.width();
        add(name, 0, 0);
        return this;
    }

    private void add(String name, long layerParameters, long layerMultiplyAdds) {
        layer.append(name);
        output.append(outputShape());
        parameters.append(layerParameters);
        multiplyAdds.append(layerMultiplyAdds);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
        }
    }
}
