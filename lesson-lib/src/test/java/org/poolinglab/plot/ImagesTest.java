package org.poolinglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;

@DisplayName("Images")
class ImagesTest {

    @Test
    void drawsBrightStrokesOnABlackBackground() {
        FeatureMap seven = Images.text("7", 32);
        assertArrayEquals(new int[] {1, 1, 32, 32}, seven.shape());
        float[] values = seven.toFloatArray();
        double bright = 0;
        for (float value : values) {
            assertTrue(value >= 0 && value <= 1, "brightness in [0, 1]");
            bright += value;
        }
        assertTrue(bright > 20 && bright < 32 * 32 / 2.0, "some strokes, mostly background: " + bright);
    }

    @Test
    void shiftMovesCellsAndFillsWithZeros() {
        FeatureMap map = FeatureMap.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(FeatureMap.of(new double[][] {{0, 1, 2}, {0, 4, 5}}), Images.shift(map, 0, 1));
        assertEquals(FeatureMap.of(new double[][] {{4, 5, 6}, {0, 0, 0}}), Images.shift(map, -1, 0));
    }

    @Test
    void upsamplingThenAveragePoolingGivesTheMapBack() {
        FeatureMap map = FeatureMap.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        FeatureMap big = Images.upsample(map, 3);
        assertArrayEquals(new int[] {1, 1, 6, 9}, big.shape());
        assertEquals(map, Pooling.avgPool(big, PoolSpec.of(3)));
        assertEquals(map, Pooling.maxPool(big, PoolSpec.of(3)));
    }
}
