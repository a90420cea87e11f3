package org.poolinglab.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals("8 x 13 x 13", table.stringColumn(1).get(2));
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
