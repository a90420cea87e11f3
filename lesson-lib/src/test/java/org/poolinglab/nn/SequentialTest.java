package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import tech.tablesaw.api.Table;

@DisplayName("Sequential")
class SequentialTest {

    /** Notebook 06's network with 2x2 max pooling. */
    private static Sequential notebookNetwork(Random random) {
        return new Sequential(new Conv2d(1, 8, 3, random).padding(1), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(8 * 14 * 14, 10, random));
    }

    @Test
    void summaryListsEachLayersOutputParametersAndMultiplyAddsThenTheTotals() {
        Table summary = notebookNetwork(new Random(1)).summary(new Shape(1, 28, 28));
        assertEquals(List.of("layer", "output (C x H x W)", "parameters", "multiply-adds"), summary.columnNames());
        assertEquals(List.of("input", "Conv2d(1 -> 8, 3x3, stride 1, padding 1)", "ReLU",
                "MaxPool2d(2x2 max pooling, stride 2)", "Flatten", "Linear(1568 -> 10)", "total"),
                summary.stringColumn("layer").asList());
        assertEquals(List.of("1 x 28 x 28", "8 x 28 x 28", "8 x 28 x 28", "8 x 14 x 14", "1568 x 1 x 1",
                "10 x 1 x 1", ""), summary.stringColumn("output (C x H x W)").asList());
        long conv = 8 * 1 * 3 * 3 + 8;
        long dense = 1568 * 10 + 10;
        assertEquals(List.of(0L, conv, 0L, 0L, 0L, dense, conv + dense), summary.longColumn("parameters").asList());
        long convProducts = 8L * 28 * 28 * 9;
        assertEquals(List.of(0L, convProducts, 0L, 0L, 0L, 15680L, convProducts + 15680),
                summary.longColumn("multiply-adds").asList());
    }

    @Test
    void forwardAndBackwardGoThroughEveryLayerInTurn() {
        Random random = new Random(2);
        Conv2d conv = new Conv2d(1, 2, 3, random);
        ReLU relu = new ReLU();
        Sequential model = new Sequential(conv, relu);
        FeatureMap input = GradientCheck.randomMap(3, 2, 1, 5, 5);
        assertEquals(relu.forward(conv.forward(input)), model.forward(input));
        FeatureMap grad = GradientCheck.randomMap(4, 2, 2, 3, 3);
        assertEquals(conv.backward(relu.backward(grad)), model.backward(grad));
        assertEquals(List.of(conv.weight(), conv.bias().orElseThrow()), model.parameters());
    }

    @Test
    void trainingLowersTheLossAndLearnsABatch() {
        Sequential model = notebookNetwork(new Random(3));
        FeatureMap images = GradientCheck.randomMap(5, 20, 1, 28, 28);
        int[] labels = new int[20];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = n % 10;
        }
        Sgd sgd = new Sgd(model.parameters(), 0.05, 0.9);
        double first = model.trainStep(images, labels, sgd);
        double last = first;
        for (int step = 0; step < 30; step++) {
            last = model.trainStep(images, labels, sgd);
        }
        assertTrue(last < first / 10, "loss went from " + first + " to " + last);
        assertArrayEquals(labels, model.predict(images), "a batch of 20 random images is learnt by heart");
    }

    @Test
    void predictGivesEachImagesHighestScoringClassBatchByBatch() {
        Sequential model = new Sequential(new Flatten(), new Linear(4, 3, new Random(8)));
        FeatureMap images = GradientCheck.randomMap(9, 2500, 1, 2, 2);
        int[] predicted = model.predict(images);
        float[] scores = model.forward(images).toFloatArray();
        for (int n = 0; n < 2500; n++) {
            int best = 0;
            for (int j = 1; j < 3; j++) {
                best = scores[n * 3 + j] > scores[n * 3 + best] ? j : best;
            }
            assertEquals(best, predicted[n], "image " + n);
        }
    }

    @Test
    void trainStepIsZeroGradForwardLossBackwardStep() {
        FeatureMap images = GradientCheck.randomMap(6, 4, 1, 6, 6);
        int[] labels = {0, 1, 2, 1};
        Sequential byHand = smallNetwork();
        Sgd sgdByHand = new Sgd(byHand.parameters(), 0.1, 0.5);
        Sequential stepped = smallNetwork();
        Sgd sgd = new Sgd(stepped.parameters(), 0.1, 0.5);
        for (int step = 0; step < 3; step++) {
            sgdByHand.zeroGrad();
            SoftmaxCrossEntropy loss = SoftmaxCrossEntropy.of(byHand.forward(images), labels);
            byHand.backward(loss.gradient());
            sgdByHand.step();
            assertEquals(loss.loss(), stepped.trainStep(images, labels, sgd));
        }
        for (int p = 0; p < byHand.parameters().size(); p++) {
            assertArrayEquals(byHand.parameters().get(p).value(), stepped.parameters().get(p).value());
        }
    }

    private static Sequential smallNetwork() {
        Random random = new Random(7);
        return new Sequential(new Conv2d(1, 2, 3, random), new ReLU(), new AvgPool2d(2), new Flatten(),
                new Linear(8, 3, random));
    }
}
