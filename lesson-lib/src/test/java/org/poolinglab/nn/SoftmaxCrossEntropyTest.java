package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;

@DisplayName("SoftmaxCrossEntropy")
class SoftmaxCrossEntropyTest {

    @Test
    void equalScoresGiveTheLogOfTheClassCount() {
        SoftmaxCrossEntropy loss = SoftmaxCrossEntropy.of(FeatureMap.of(new int[] {2, 4, 1, 1}, new float[8]),
                new int[] {1, 3});
        assertEquals(Math.log(4), loss.loss(), 1e-12);
        assertArrayEquals(new float[] {0.125f, -0.375f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, -0.375f},
                loss.gradient().toFloatArray(), "(1/4 - [j == label]) / 2 images");
    }

    @Test
    void hugeScoresNeitherOverflowNorLoseTheAnswer() {
        FeatureMap logits = FeatureMap.of(new int[] {1, 3, 1, 1}, new float[] {1000, 1001, 900});
        SoftmaxCrossEntropy loss = SoftmaxCrossEntropy.of(logits, new int[] {0});
        double expected = Math.log(1 + Math.exp(1) + Math.exp(-100)); // -log(e^0 / (e^0 + e^1 + e^-100))
        assertEquals(expected, loss.loss(), 1e-9);
        float[] gradient = loss.gradient().toFloatArray();
        assertEquals(1 / (1 + Math.E) - 1, gradient[0], 1e-6);
        assertEquals(Math.E / (1 + Math.E), gradient[1], 1e-6);
    }
}
