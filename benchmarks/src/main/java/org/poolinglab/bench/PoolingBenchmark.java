package org.poolinglab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.poolinglab.FeatureMap;
import org.poolinglab.Parallel;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;

/**
 * The four shapes of DESIGN.md's performance targets (float32), on one thread and on all cores
 * ({@link Parallel#setThreads}), and a plain memory copy of the largest input for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class PoolingBenchmark {

    /** Threads per call ({@link Parallel#setThreads}): a number, or "all" for one per core. */
    @Param({"1", "all"})
    public String threads;

    FeatureMap large;      // 1x64x256x256
    FeatureMap imageNet;   // 8x64x112x112
    FeatureMap lastLayer;  // 32x512x7x7
    final PoolSpec twoByTwo = PoolSpec.of(2);
    final PoolSpec threeStrideTwoPadOne = PoolSpec.of(3).stride(2).padding(1);
    float[] copySource;
    float[] copyTarget;
    private int copyParts;
    private ExecutorService copyThreads;

    @Setup
    public void setUp() {
        int count = threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        Parallel.setThreads(count);
        copyParts = count;
        copyThreads = Executors.newFixedThreadPool(count);
        large = random(1, 64, 256, 256);
        imageNet = random(8, 64, 112, 112);
        lastLayer = random(32, 512, 7, 7);
        copySource = imageNet.toFloatArray();
        copyTarget = new float[copySource.length];
    }

    @TearDown
    public void tearDown() {
        copyThreads.shutdown();
    }

    private static FeatureMap random(int... shape) {
        Random random = new Random(42);
        float[] data = new float[shape[0] * shape[1] * shape[2] * shape[3]];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return FeatureMap.of(shape, data);
    }

    @Benchmark
    public FeatureMap max2x2Stride2() {
        return Pooling.maxPool(large, twoByTwo);
    }

    @Benchmark
    public FeatureMap avg2x2Stride2() {
        return Pooling.avgPool(large, twoByTwo);
    }

    @Benchmark
    public FeatureMap max3x3Stride2Pad1() {
        return Pooling.maxPool(imageNet, threeStrideTwoPadOne);
    }

    @Benchmark
    public FeatureMap globalAvg() {
        return Pooling.globalAvgPool(lastLayer);
    }

    /** {@code System.arraycopy} of the 8x64x112x112 input into an array made beforehand, one block per thread. */
    @Benchmark
    public float[] copy() throws Exception {
        List<Future<?>> running = new ArrayList<>(copyParts);
        for (int part = 0; part < copyParts; part++) {
            int from = (int) ((long) copySource.length * part / copyParts);
            int to = (int) ((long) copySource.length * (part + 1) / copyParts);
            running.add(copyThreads.submit(() -> System.arraycopy(copySource, from, copyTarget, from, to - from)));
        }
        for (Future<?> part : running) {
            part.get();
        }
        return copyTarget;
    }
}
