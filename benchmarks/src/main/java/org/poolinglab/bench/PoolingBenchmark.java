package org.poolinglab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;

/** The four shapes of DESIGN.md's performance targets, one thread, float32. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PoolingBenchmark {

    /** One input per shape. */
    @State(Scope.Benchmark)
    public static class Inputs {
        FeatureMap large;      // 1x64x256x256
        FeatureMap imageNet;   // 8x64x112x112
        FeatureMap lastLayer;  // 32x512x7x7
        final PoolSpec twoByTwo = PoolSpec.of(2);
        final PoolSpec threeStrideTwoPadOne = PoolSpec.of(3).stride(2).padding(1);

        @Setup
        public void setUp() {
            large = random(1, 64, 256, 256);
            imageNet = random(8, 64, 112, 112);
            lastLayer = random(32, 512, 7, 7);
        }

        private static FeatureMap random(int... shape) {
            Random random = new Random(42);
            float[] data = new float[shape[0] * shape[1] * shape[2] * shape[3]];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
            return FeatureMap.of(shape, data);
        }
    }

    @Benchmark
    public FeatureMap max2x2Stride2On1x64x256x256(Inputs inputs) {
        return Pooling.maxPool(inputs.large, inputs.twoByTwo);
    }

    @Benchmark
    public FeatureMap avg2x2Stride2On1x64x256x256(Inputs inputs) {
        return Pooling.avgPool(inputs.large, inputs.twoByTwo);
    }

    @Benchmark
    public FeatureMap max3x3Stride2Pad1On8x64x112x112(Inputs inputs) {
        return Pooling.maxPool(inputs.imageNet, inputs.threeStrideTwoPadOne);
    }

    @Benchmark
    public FeatureMap globalAvgOn32x512x7x7(Inputs inputs) {
        return Pooling.globalAvgPool(inputs.lastLayer);
    }
}
