package org.poolinglab.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

@DisplayName("CnnCosts")
class CnnCostsTest {

    @Test
    void countsWeightsBiasesAndMultiplyAddsLayerByLayer() {
        CnnCosts net = CnnCosts.input(1, 28, 28).conv(8, 3).maxPool(2).conv(16, 3).maxPool(2).dense(10);
        long conv1 = 3 * 3 * 1 * 8 + 8;
        long conv2 = 3 * 3 * 8 * 16 + 16;
        long dense = 16 * 5 * 5 * 10 + 10;
        assertEquals(conv1 + conv2 + dense, net.parameters());
        long macs = 26L * 26 * 8 * 9 + 11L * 11 * 16 * 9 * 8 + 16 * 5 * 5 * 10;
        assertEquals(macs, net.multiplyAdds());
        assertEquals("10 x 1 x 1", net.outputShape());
        Table table = net.table();
        assertEquals(7, table.rowCount(), "input, five layers, total");
        assertEquals(8L * 13 * 13 * 3 + 16L * 5 * 5 * 3, net.comparisons(), "2x2 max pooling: 3 comparisons per output");
        assertEquals("8 x 13 x 13", table.stringColumn(1).get(2));
    }

    @Test
    void countsMaxPoolingsComparisonsAndAveragePoolingsMultiplyAdds() {
        CnnCosts max = CnnCosts.input(2, 6, 6).maxPool(3);
        assertEquals(2L * 2 * 2 * (3 * 3 - 1), max.comparisons(), "8 comparisons for each of the 2x2x2 outputs");
        assertEquals(0, max.multiplyAdds());
        CnnCosts average = CnnCosts.input(2, 6, 6).avgPool(3);
        assertEquals(2L * 2 * 2 * 9, average.multiplyAdds(), "each output: 9 cells times 1/9, added up");
        assertEquals(0, average.comparisons());
        assertEquals(512L * 7 * 7, CnnCosts.input(512, 7, 7).globalAvgPool().multiplyAdds());
        assertEquals(0, max.parameters() + average.parameters(), "pooling learns nothing");
    }

    @Test
    void sumsTheCostsOfOneKindOfLayerByName() {
        CnnCosts with = CnnCosts.input(1, 28, 28).conv(8, 3).maxPool(2).conv(16, 3).maxPool(2).dense(10);
        CnnCosts without = CnnCosts.input(1, 28, 28).conv(8, 3).conv(16, 3).dense(10);
        assertEquals(16 * 5 * 5 * 10 + 10, with.parameters("dense"));
        assertEquals(16 * 24 * 24 * 10 + 10, without.parameters("dense"));
        assertEquals(with.parameters("conv"), without.parameters("conv"), "a convolution's weights do not depend on the map size");
        assertEquals(11L * 11 * 16 * 9 * 8 + 26L * 26 * 8 * 9, with.multiplyAdds("conv"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> without.parameters("max pool"));
        assertTrue(error.getMessage().startsWith("kind 'max pool' matches no layer of [input, conv 3x3, 8 filters"),
                error.getMessage());
    }

    @Test
    void globalAveragePoolingShrinksTheDenseLayer() {
        assertEquals(512L * 1000 + 1000, CnnCosts.input(512, 7, 7).globalAvgPool().dense(1000).parameters());
        assertEquals(512L * 49 * 1000 + 1000, CnnCosts.input(512, 7, 7).dense(1000).parameters());
    }

    @Test
    void rejectsLayersThatDoNotFit() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CnnCosts.input(1, 4, 4).conv(2, 5));
        assertEquals("size 5 must fit in the current 4x4 maps", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CnnCosts.input(0, 4, 4));
    }
}
