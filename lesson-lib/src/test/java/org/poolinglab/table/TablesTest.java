package org.poolinglab.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(1, table.where(table.intColumn("window").isEqualTo(2)
                .and(table.intColumn("stride").isEqualTo(2)).and(table.intColumn("padding").isEqualTo(0)))
                .intColumn("rows never read").get(0), "7 rows, windows of 2 at 0, 2, 4: row 6 is never read");
    }
}
