package org.poolinglab.table;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Size;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables of feature maps and pooling settings. */
public final class Tables {

    private Tables() {
    }

    /** A single map ({@code 1 x 1 x H x W}) as a table: a "row" column, then one column per map column. */
    public static Table of(FeatureMap map) {
        double[][] rows = map.toArray();
        Table table = Table.create("feature map " + map.size(),
                IntColumn.indexColumn("row", rows.length, 0));
        for (int w = 0; w < map.width(); w++) {
            double[] column = new double[rows.length];
            for (int h = 0; h < rows.length; h++) {
                column[h] = rows[h][w];
            }
            table.addColumns(DoubleColumn.create("col " + w, column));
        }
        return table;
    }

    /**
     * Per channel (batch entry 0) of a map before and after pooling: its size, minimum, maximum, mean
     * and standard deviation, to see what pooling keeps.
     */
    public static Table channelStats(FeatureMap before, FeatureMap after) {
        if (before.channels() != after.channels()) {
            throw new IllegalArgumentException("before and after must have the same channels but have "
                    + before.channels() + " and " + after.channels());
        }
        StringColumn stage = StringColumn.create("stage");
        IntColumn channel = IntColumn.create("channel");
        StringColumn size = StringColumn.create("size");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn std = DoubleColumn.create("std");
        for (int c = 0; c < before.channels(); c++) {
            for (FeatureMap map : List.of(before, after)) {
                float[] values = map.channel(0, c).toFloatArray();
                DoubleColumn column = DoubleColumn.create("values", toDoubles(values));
                stage.append(map == before ? "before" : "after");
                channel.append(c);
                size.append(map.size().toString());
                min.append(rounded(column.min()));
                max.append(rounded(column.max()));
                mean.append(rounded(column.mean()));
                std.append(rounded(Math.sqrt(column.populationVariance())));
            }
        }
        return Table.create("channels before and after pooling", channel, stage, size, min, max, mean, std);
    }

    /**
     * The output size of a square input of side {@code input} for every valid combination of window,
     * stride and padding (PyTorch's rule: padding at most half the window), whether neighbouring
     * windows overlap, tile the map or skip cells, and which input rows no window reads (the same
     * columns are left unread, the map being square).
     */
    public static Table outputSizes(int input, int[] windows, int[] strides, int[] paddings) {
        IntColumn inputColumn = IntColumn.create("input");
        IntColumn windowColumn = IntColumn.create("window");
        IntColumn strideColumn = IntColumn.create("stride");
        IntColumn paddingColumn = IntColumn.create("padding");
        IntColumn outputColumn = IntColumn.create("output");
        StringColumn overlap = StringColumn.create("windows");
        StringColumn unread = StringColumn.create("rows no window reads");
        for (int window : windows) {
            for (int stride : strides) {
                for (int padding : paddings) {
                    if (padding > window / 2 || input + 2 * padding < window) {
                        continue;
                    }
                    Size out = PoolSpec.of(window).stride(stride).padding(padding).outputShape(input, input);
                    inputColumn.append(input);
                    windowColumn.append(window);
                    strideColumn.append(stride);
                    paddingColumn.append(padding);
                    outputColumn.append(out.height());
                    overlap.append(stride < window ? "overlap" : stride == window ? "tile" : "skip cells");
                    List<Integer> rows = rowsNoWindowReads(input, window, stride, padding, out.height());
                    unread.append(rows.isEmpty() ? "none" : rows.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")));
                }
            }
        }
        return Table.create("output size for a " + input + "x" + input + " input",
                inputColumn, windowColumn, strideColumn, paddingColumn, outputColumn, overlap, unread);
    }

    /** The input rows outside every window: window {@code i} covers rows {@code i*stride - padding} onwards. */
    static List<Integer> rowsNoWindowReads(int input, int window, int stride, int padding, int outputs) {
        boolean[] read = new boolean[input];
        for (int i = 0; i < outputs; i++) {
            int first = i * stride - padding;
            for (int row = Math.max(0, first); row < Math.min(input, first + window); row++) {
                read[row] = true;
            }
        }
        List<Integer> unread = new ArrayList<>();
        for (int row = 0; row < input; row++) {
            if (!read[row]) {
                unread.add(row);
            }
        }
        return unread;
    }

    /**
     * Where pooling sits in four well-known image classifiers: each pooling layer's input as the papers
     * give it, its settings, and the output size lesson-lib works out ({@link PoolSpec#outputShape}; a
     * global pooling is a window as large as the map). The channels pass through unchanged.
     * <ul>
     *   <li>LeNet-5 (LeCun et al., 1998): "subsampling" layers that average 2x2 cells (then scale them
     *       by a learned weight);</li>
     *   <li>AlexNet (Krizhevsky et al., 2012): overlapping 3x3 max pooling with stride 2;</li>
     *   <li>VGG-16 (Simonyan and Zisserman, 2014): 2x2 max pooling after each of its five blocks;</li>
     *   <li>ResNet-50 (He et al., 2015): one 3x3 max pooling early on, global average pooling at the end.</li>
     * </ul>
     */
    public static Table poolingInNetworks() {
        List<PoolingLayer> layers = List.of(
                new PoolingLayer("LeNet-5 (1998)", "after conv 1", 6, 28, PoolType.AVERAGE, PoolSpec.of(2)),
                new PoolingLayer("LeNet-5 (1998)", "after conv 2", 16, 10, PoolType.AVERAGE, PoolSpec.of(2)),
                new PoolingLayer("AlexNet (2012)", "after conv 1", 96, 55, PoolType.MAX, PoolSpec.of(3).stride(2)),
                new PoolingLayer("AlexNet (2012)", "after conv 2", 256, 27, PoolType.MAX, PoolSpec.of(3).stride(2)),
                new PoolingLayer("AlexNet (2012)", "after conv 5", 256, 13, PoolType.MAX, PoolSpec.of(3).stride(2)),
                new PoolingLayer("VGG-16 (2014)", "after block 1", 64, 224, PoolType.MAX, PoolSpec.of(2)),
                new PoolingLayer("VGG-16 (2014)", "after block 2", 128, 112, PoolType.MAX, PoolSpec.of(2)),
                new PoolingLayer("VGG-16 (2014)", "after block 3", 256, 56, PoolType.MAX, PoolSpec.of(2)),
                new PoolingLayer("VGG-16 (2014)", "after block 4", 512, 28, PoolType.MAX, PoolSpec.of(2)),
                new PoolingLayer("VGG-16 (2014)", "after block 5", 512, 14, PoolType.MAX, PoolSpec.of(2)),
                new PoolingLayer("ResNet-50 (2015)", "after conv 1", 64, 112, PoolType.MAX,
                        PoolSpec.of(3).stride(2).padding(1)),
                new PoolingLayer("ResNet-50 (2015)", "before the classifier", 2048, 7, PoolType.AVERAGE, null));
        StringColumn network = StringColumn.create("network");
        StringColumn where = StringColumn.create("where");
        StringColumn input = StringColumn.create("input (C x H x W)");
        StringColumn pooling = StringColumn.create("pooling");
        StringColumn output = StringColumn.create("output (C x H x W)");
        for (PoolingLayer layer : layers) {
            boolean global = layer.spec() == null;
            PoolSpec spec = global ? PoolSpec.of(layer.side()) : layer.spec();
            Size out = spec.outputShape(layer.side(), layer.side());
            network.append(layer.network());
            where.append(layer.where());
            input.append(layer.channels() + " x " + layer.side() + " x " + layer.side());
            pooling.append(global ? "global average pooling" : spec.describe(layer.type()));
            output.append(layer.channels() + " x " + out.height() + " x " + out.width());
        }
        return Table.create("pooling in well-known networks", network, where, input, pooling, output);
    }

    /** One pooling layer of a network on square maps; a {@code null} spec means global pooling. */
    private record PoolingLayer(String network, String where, int channels, int side, PoolType type, PoolSpec spec) {
    }

    /** Three decimals: enough to compare, short enough to read. */
    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Names of a table's columns, in order (handy in tests and notebooks). */
    public static List<String> columnNames(Table table) {
        return new ArrayList<>(table.columnNames());
    }
}
