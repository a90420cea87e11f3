package org.poolinglab.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import tech.tablesaw.api.Table;

@DisplayName("Tables")
class TablesTest {

    private static final FeatureMap LESSON = FeatureMap.of(new double[][] {
            {1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}});

    @Test
    void aFeatureMapHasOneRowPerRowAndOneColumnPerColumn() {
        Table table = Tables.of(LESSON);
        assertEquals(List.of("row", "col 0", "col 1", "col 2", "col 3"), Tables.columnNames(table));
        assertEquals(4, table.rowCount());
        assertEquals(9.0, table.doubleColumn("col 2").get(2));
    }

    @Test
    void channelStatisticsCompareBeforeAndAfter() {
        FeatureMap pooled = Pooling.maxPool(LESSON, PoolSpec.of(2));
        Table table = Tables.channelStats(LESSON, pooled);
        assertEquals(2, table.rowCount());
        assertEquals(List.of("before", "after"), table.stringColumn("stage").asList());
        assertEquals(9.0, table.doubleColumn("max").get(1), "max pooling keeps the maximum");
        assertEquals((6 + 5 + 8 + 9) / 4.0, table.doubleColumn("mean").get(1));
        assertThrows(IllegalArgumentException.class,
                () -> Tables.channelStats(LESSON, FeatureMap.of(new double[][][] {{{1}}, {{2}}})));
    }

    @Test
    void outputSizesAgreeWithPoolSpecAndSkipInvalidPadding() {
        Table table = Tables.outputSizes(7, new int[] {2, 3}, new int[] {1, 2}, new int[] {0, 1, 2});
        for (int row = 0; row < table.rowCount(); row++) {
            int window = table.intColumn("window").get(row);
            int stride = table.intColumn("stride").get(row);
            int padding = table.intColumn("padding").get(row);
            assertEquals(PoolSpec.of(window).stride(stride).padding(padding).outputShape(7, 7).height(),
                    table.intColumn("output").get(row));
        }
        assertEquals(2 * 2 * 2, table.rowCount(), "padding 2 is more than half of both windows");
        assertEquals("6", unread(table, 2, 2, 0), "7 rows, windows of 2 at 0, 2, 4: row 6 is never read");
        assertEquals("none", unread(table, 2, 2, 1), "padding 1: windows at -1, 1, 3, 5 read every row");
    }

    @Test
    void rowsNoWindowReadsCountsTheGapsBetweenWindowsToo() {
        Table table = Tables.outputSizes(7, new int[] {2}, new int[] {3}, new int[] {0});
        assertEquals("2, 5, 6", unread(table, 2, 3, 0), "windows read rows 0-1 and 3-4");
        assertEquals(List.of(), Tables.rowsNoWindowReads(7, 3, 2, 0, 3), "3x3 windows, stride 2: rows 0-2, 2-4, 4-6");
    }

    private static String unread(Table table, int window, int stride, int padding) {
        return table.where(table.intColumn("window").isEqualTo(window)
                .and(table.intColumn("stride").isEqualTo(stride)).and(table.intColumn("padding").isEqualTo(padding)))
                .stringColumn("rows no window reads").get(0);
    }

    @Test
    void poolingInNetworksWorksOutEachOutputAndKeepsTheChannels() {
        Table table = Tables.poolingInNetworks();
        assertEquals(List.of("network", "where", "input (C x H x W)", "pooling", "output (C x H x W)"),
                Tables.columnNames(table));
        assertEquals(List.of("LeNet-5 (1998)", "AlexNet (2012)", "VGG-16 (2014)", "ResNet-50 (2015)"),
                table.stringColumn("network").unique().asList());
        for (int row = 0; row < table.rowCount(); row++) {
            String[] in = table.stringColumn("input (C x H x W)").get(row).split(" x ");
            String[] out = table.stringColumn("output (C x H x W)").get(row).split(" x ");
            assertEquals(in[0], out[0], "pooling keeps the channels, row " + row);
            String pooling = table.stringColumn("pooling").get(row);
            int side = Integer.parseInt(in[1]);
            int expected = pooling.startsWith("global") ? 1 : spec(pooling).outputShape(side, side).height();
            assertEquals(String.valueOf(expected), out[1], pooling + " on " + side + "x" + side);
        }
    }

    /** The spec a "describe" text names, e.g. "3x3 max pooling, stride 2, padding 1". */
    private static PoolSpec spec(String description) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d+)x\\d+ \\w+ pooling, stride (\\d+)(?:, padding (\\d+))?").matcher(description);
        assertTrue(m.matches(), description);
        return PoolSpec.of(Integer.parseInt(m.group(1))).stride(Integer.parseInt(m.group(2)))
                .padding(m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }
}
