package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.Parallel;
import org.poolinglab.Pooling;

/** Training gives the same numbers, bit for bit, on one thread and on several, and for the same seed. */
@DisplayName("Determinism")
class DeterminismTest {

    private static final int STEPS = 5;

    @Test
    void sameWeightsBitForBitOnOneThreadAndOnSeveral() {
        List<float[]> oneThread = train(1, () -> network(new Random(42)));
        for (int threads : new int[] {2, 3, 8}) {
            List<float[]> several = train(threads, () -> network(new Random(42)));
            for (int p = 0; p < oneThread.size(); p++) {
                assertArrayEquals(oneThread.get(p), several.get(p), "parameter " + p + " with " + threads + " threads");
            }
        }
    }

    @Test
    void notebook07sLayersTooSameWeightsBitForBitOnOneThreadAndOnSeveral() {
        List<float[]> oneThread = train(1, () -> deeperNetwork(new Random(43)));
        for (int threads : new int[] {2, 3}) {
            List<float[]> several = train(threads, () -> deeperNetwork(new Random(43)));
            for (int p = 0; p < oneThread.size(); p++) {
                assertArrayEquals(oneThread.get(p), several.get(p), "parameter " + p + " with " + threads + " threads");
            }
        }
    }

    @Test
    void sameSeedSameNetworkOtherSeedAnotherOne() {
        List<float[]> first = parameters(network(new Random(7)));
        assertEquals(toString(first), toString(parameters(network(new Random(7)))));
        assertNotEquals(toString(first), toString(parameters(network(new Random(8)))));
    }

    /**
     * Two convolutions, both kinds of pooling and a dense layer, on a batch of 400: large enough for
     * {@link Pooling} to split its calls too, and not a multiple of 3.
     */
    private static Sequential network(Random random) {
        return new Sequential(new Conv2d(1, 4, 3, random).padding(1), new ReLU(), new MaxPool2d(2),
                new Conv2d(4, 3, 3, random).stride(2).padding(1), new ReLU(), new AvgPool2d(2), new Flatten(),
                new Linear(3 * 2 * 2, 5, random));
    }

    /** Anti-aliased max pooling, a stride-2 convolution and a global-average-pooling head. */
    private static Sequential deeperNetwork(Random random) {
        return new Sequential(new Conv2d(1, 4, 3, random).padding(1), new ReLU(), new AntiAliasedMaxPool2d(),
                new Conv2d(4, 6, 3, random).stride(2).padding(1), new ReLU(), new GlobalAvgPool2d(),
                new Linear(6, 5, random));
    }

    /** Trains with every layer, the pooling layers' {@link Pooling} calls too, on {@code threads} threads. */
    private static List<float[]> train(int threads, Supplier<Sequential> network) {
        Sequential model = network.get();
        Sgd sgd = new Sgd(model.parameters(), 0.05, 0.9);
        FeatureMap images = GradientCheck.randomMap(1, 400, 1, 14, 14);
        int[] labels = new int[images.batch()];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = n % 5;
        }
        int previousThreads = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            for (int step = 0; step < STEPS; step++) {
                model.trainStep(images, labels, sgd);
            }
        } finally {
            Parallel.setThreads(previousThreads);
        }
        return parameters(model);
    }

    private static List<float[]> parameters(Sequential model) {
        return model.parameters().stream().map(p -> p.value().clone()).toList();
    }

    private static String toString(List<float[]> parameters) {
        return parameters.stream().map(Arrays::toString).toList().toString();
    }
}
