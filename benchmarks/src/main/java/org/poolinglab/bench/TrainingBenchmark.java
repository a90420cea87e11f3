package org.poolinglab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.poolinglab.FeatureMap;
import org.poolinglab.Parallel;
import org.poolinglab.nn.AvgPool2d;
import org.poolinglab.nn.Conv2d;
import org.poolinglab.nn.Flatten;
import org.poolinglab.nn.Linear;
import org.poolinglab.nn.MaxPool2d;
import org.poolinglab.nn.ReLU;
import org.poolinglab.nn.Sequential;
import org.poolinglab.nn.Sgd;

/**
 * One training step (forward, loss, backward, SGD update) on a batch of 64 random 1x28x28 images, of
 * notebook 06's network, Conv2d(1 -> 8, 3x3, padding 1) -> ReLU -> [MaxPool2d(2) | AvgPool2d(2) |
 * nothing] -> Flatten -> Linear(-> 10), and of notebook 07's LeNet-like network ({@code lenet}),
 * Conv2d(1 -> 6, 3x3, padding 1) -> ReLU -> MaxPool2d(2) -> Conv2d(6 -> 16, 3x3, padding 1) -> ReLU ->
 * MaxPool2d(2) -> Flatten -> Linear(784 -> 10), on one thread and on every core
 * ({@link Parallel#setThreads}). benchmarks/pytorch/train_step.py times the same steps in PyTorch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class TrainingBenchmark {

    static final int BATCH = 64;

    /** Notebook 06's network with {@code max}, {@code avg} or {@code none} pooling, or notebook 07's {@code lenet}. */
    @Param({"max", "avg", "none", "lenet"})
    public String pooling;

    /** {@code 1}, or {@code all}: one thread per core. */
    @Param({"1", "all"})
    public String threads;

    private Sequential model;
    private Sgd sgd;
    private FeatureMap images;
    private int[] labels;

    @Setup
    public void setUp() {
        int count = threadCount(threads);
        Parallel.setThreads(count);
        model = network(pooling, new Random(6));
        sgd = new Sgd(model.parameters(), 0.01, 0.9);
        Random random = new Random(42);
        float[] pixels = new float[BATCH * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        images = FeatureMap.of(new int[] {BATCH, 1, 28, 28}, pixels);
        labels = random.ints(BATCH, 0, 10).toArray();
    }

    @Benchmark
    public double trainStep() {
        return model.trainStep(images, labels, sgd);
    }

    /** Notebook 06's network with the given pooling, or notebook 07's LeNet-like network. */
    static Sequential network(String pooling, Random random) {
        if (pooling.equals("lenet")) {
            return new Sequential(new Conv2d(1, 6, 3, random).padding(1), new ReLU(), new MaxPool2d(2),
                    new Conv2d(6, 16, 3, random).padding(1), new ReLU(), new MaxPool2d(2), new Flatten(),
                    new Linear(16 * 7 * 7, 10, random));
        }
        Conv2d conv = new Conv2d(1, 8, 3, random).padding(1);
        return switch (pooling) {
            case "max" -> new Sequential(conv, new ReLU(), new MaxPool2d(2), new Flatten(),
                    new Linear(8 * 14 * 14, 10, random));
            case "avg" -> new Sequential(conv, new ReLU(), new AvgPool2d(2), new Flatten(),
                    new Linear(8 * 14 * 14, 10, random));
            case "none" -> new Sequential(conv, new ReLU(), new Flatten(), new Linear(8 * 28 * 28, 10, random));
            default -> throw new IllegalArgumentException("pooling must be max, avg, none or lenet but was " + pooling);
        };
    }

    static int threadCount(String threads) {
        return threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
    }
}
