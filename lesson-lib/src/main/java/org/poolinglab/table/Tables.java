package org.poolinglab.table;

import java.util.ArrayList;
import java.util.List;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
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
     * stride and padding (PyTorch's rule: padding at most half the window), and how many input rows the
     * last window leaves unread.
     */
    public static Table outputSizes(int input, int[] windows, int[] strides, int[] paddings) {
        IntColumn inputColumn = IntColumn.create("input");
        IntColumn windowColumn = IntColumn.create("window");
        IntColumn strideColumn = IntColumn.create("stride");
        IntColumn paddingColumn = IntColumn.create("padding");
        IntColumn outputColumn = IntColumn.create("output");
        StringColumn overlap = StringColumn.create("windows");
        IntColumn leftOver = IntColumn.create("rows never read");
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
                    int lastRowRead = (out.height() - 1) * stride + window - 1 - padding;
                    leftOver.append(Math.max(0, input - 1 - lastRowRead));
                }
            }
        }
        return Table.create("output size for a " + input + "x" + input + " input",
                inputColumn, windowColumn, strideColumn, paddingColumn, outputColumn, overlap, leftOver);
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
