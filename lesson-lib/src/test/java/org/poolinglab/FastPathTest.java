package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.poolinglab.FeatureMapAssertions.assertFeatureMapEquals;
import static org.poolinglab.FeatureMapAssertions.assertFeatureMapIdentical;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast paths ({@link FastMaxPooling}, {@link FastAveragePooling}) against the reference loops they stand
 * in for, on random shapes and parameters with NaN, infinities, signed zeros and ties.
 */
@DisplayName("Fast paths")
class FastPathTest {

    /** A random input and spec: seeded, so a failing case can be rerun by its number. */
    record RandomCase(int seed, FeatureMap input, PoolSpec spec) {

        @Override
        public String toString() {
            return "case " + seed + ": " + FeatureMap.describe(input.shape()) + " " + spec;
        }

        /** An input of 1-2 x 1-3 x 1-12 x (1-12 or 60-140), short rows and rows long enough for SIMD loops. */
        static RandomCase of(int seed, boolean dilationAllowed) {
            Random random = new Random(seed);
            int height = 1 + random.nextInt(12);
            int width = random.nextBoolean() ? 1 + random.nextInt(12) : 60 + random.nextInt(81);
            FeatureMap input = Fixtures.withSpecialValues(random, 1 + random.nextInt(2), 1 + random.nextInt(3), height, width);
            while (true) {
                PoolSpec spec = spec(random, dilationAllowed);
                try {
                    spec.outputShape(height, width);
                    return new RandomCase(seed, input, spec);
                } catch (IllegalArgumentException tooLarge) {
                    // the window does not fit this input: draw another spec
                }
            }
        }

        private static PoolSpec spec(Random random, boolean dilationAllowed) {
            int windowHeight = 1 + random.nextInt(5);
            int windowWidth = 1 + random.nextInt(5);
            PoolSpec spec = PoolSpec.of(windowHeight, windowWidth).stride(1 + random.nextInt(4), 1 + random.nextInt(4));
            spec = switch (random.nextInt(4)) {
                case 0 -> spec.padding(random.nextInt(windowHeight / 2 + 1), random.nextInt(windowWidth / 2 + 1));
                case 1 -> spec.padding(random.nextInt(windowHeight / 2 + 1), random.nextInt(windowWidth / 2 + 1),
                        random.nextInt(windowHeight / 2 + 1), random.nextInt(windowWidth / 2 + 1));
                case 2 -> random.nextBoolean() ? spec.same() : spec.sameLower();
                default -> spec;
            };
            if (dilationAllowed && random.nextInt(4) == 0) {
                spec = spec.dilation(1 + random.nextInt(3), 1 + random.nextInt(3));
            }
            spec = spec.ceilMode(random.nextBoolean()).countIncludePad(random.nextBoolean());
            return random.nextInt(5) == 0 ? spec.divisorOverride(1 + random.nextInt(10)) : spec;
        }
    }

    static Stream<RandomCase> maxCases() {
        return IntStream.range(0, 400).mapToObj(seed -> RandomCase.of(seed, true));
    }

    /** 2x2 windows with stride 1 or 2 and no padding, the path of their own: even and odd sizes, with ceil mode. */
    static Stream<RandomCase> twoByTwoCases() {
        return IntStream.range(0, 100).mapToObj(seed -> {
            Random random = new Random(seed);
            FeatureMap input = Fixtures.withSpecialValues(random, 1 + random.nextInt(2), 1 + random.nextInt(3),
                    2 + random.nextInt(30), 2 + random.nextInt(30));
            PoolSpec spec = PoolSpec.of(2).stride(1 + seed % 2, 1 + seed / 2 % 2).ceilMode(seed % 5 == 0);
            return new RandomCase(seed, input, spec);
        });
    }

    static Stream<RandomCase> averageCases() {
        return IntStream.range(0, 400).mapToObj(seed -> RandomCase.of(seed, false));
    }

    @Nested
    @DisplayName("give what the reference loops give")
    class AgainstTheReferenceLoops {

        /** Max gives the same value in any order, so the fast path must match the reference exactly. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.poolinglab.FastPathTest#maxCases")
        void maxPoolingBitForBit(RandomCase testCase) {
            FeatureMap input = testCase.input();
            Windows windows = Windows.sliding(input.size(), testCase.spec());
            float[] reference = new float[windows.outputCells(input)];
            MaxPooling.poolPlanes(input, windows, reference, 0, input.batch() * input.channels());
            assertFeatureMapIdentical(windows.outputOf(input, reference), Pooling.maxPool(input, testCase.spec()),
                    testCase.toString());
        }

        /** The maxima as above, and the same index for each: the first maximum, or the last NaN. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.poolinglab.FastPathTest#maxCases")
        void maxPoolingWithIndicesBitForBit(RandomCase testCase) {
            FeatureMap input = testCase.input();
            Windows windows = Windows.sliding(input.size(), testCase.spec());
            float[] reference = new float[windows.outputCells(input)];
            int[] referenceIndices = new int[reference.length];
            MaxPooling.poolWithIndicesPlanes(input, windows, reference, referenceIndices, 0,
                    input.batch() * input.channels());
            PooledWithIndices fast = Pooling.maxPoolWithIndices(input, testCase.spec());
            assertFeatureMapIdentical(windows.outputOf(input, reference), fast.output(), testCase.toString());
            assertArrayEquals(referenceIndices, fast.indices(), testCase.toString());
        }

        /** The 2x2 loop, stride 1 or 2: the same maxima and indices as the reference, NaN, ties and signed zeros too. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.poolinglab.FastPathTest#twoByTwoCases")
        void twoByTwoMaxPoolingWithIndicesBitForBit(RandomCase testCase) {
            maxPoolingWithIndicesBitForBit(testCase);
        }

        /** The fast path adds in float, the reference in double: they agree to the conformance tolerance. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.poolinglab.FastPathTest#averageCases")
        void averagePoolingWithinTheTolerance(RandomCase testCase) {
            FeatureMap input = testCase.input();
            PoolSpec spec = testCase.spec();
            Windows windows = Windows.sliding(input.size(), spec);
            float[] reference = new float[windows.outputCells(input)];
            AveragePooling.poolPlanes(input, windows, spec.countIncludePad(), spec.divisorOverride().orElse(0),
                    reference, 0, input.batch() * input.channels());
            assertFeatureMapEquals(windows.outputOf(input, reference), Pooling.avgPool(input, spec), testCase.toString());
        }

        /** Planes of 1 to 90,000 cells: many float lanes and many chunks, on values far from zero too. */
        @ParameterizedTest(name = "seed {0}")
        @MethodSource("org.poolinglab.FastPathTest#seeds")
        void globalAveragePoolingWithinTheTolerance(int seed) {
            Random random = new Random(seed);
            int side = seed % 4 == 0 ? 200 + random.nextInt(100) : 1 + random.nextInt(40);
            int width = 1 + random.nextInt(side);
            FeatureMap input = Fixtures.withSpecialValues(random, 1 + random.nextInt(2), 1 + random.nextInt(3), side, width);
            if (seed % 3 == 0) {
                input = shifted(input, 1000); // large sums: float rounding grows with the values' size
            }
            Windows whole = Windows.adaptive(input.size(), new Size(1, 1));
            float[] reference = new float[whole.outputCells(input)];
            AveragePooling.poolPlanes(input, whole, false, 0, reference, 0, input.batch() * input.channels());
            assertFeatureMapEquals(whole.outputOf(input, reference), Pooling.globalAvgPool(input),
                    "seed " + seed + ", " + FeatureMap.describe(input.shape()));
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 60);
    }

    private static FeatureMap shifted(FeatureMap input, float offset) {
        float[] data = input.toFloatArray();
        for (int i = 0; i < data.length; i++) {
            data[i] += offset;
        }
        return FeatureMap.of(input.shape(), data);
    }

    @Nested
    @DisplayName("average pooling")
    class AveragePoolingArithmetic {

        /**
         * PyTorch's CPU kernel adds each window's cells in float, row by row from left to right, and divides in
         * float: the fast path does the same, so it matches PyTorch's own output exactly, not only to 1e-5.
         */
        @Test
        void equalsPyTorchBitForBitOnItsFixtures() throws IOException {
            JsonObject file;
            try (Reader reader = Files.newBufferedReader(ConformanceTest.conformanceFolder().resolve("avg_pool2d.json"),
                    StandardCharsets.UTF_8)) {
                file = JsonParser.parseReader(reader).getAsJsonObject();
            }
            assertTrue(file.get("generator").getAsString().startsWith("PyTorch"), "avg_pool2d.json comes from PyTorch");
            int checked = 0;
            for (JsonElement element : file.getAsJsonArray("cases")) {
                JsonObject testCase = element.getAsJsonObject();
                if (testCase.has("error")) {
                    continue;
                }
                FeatureMap input = ConformanceTest.tensor(testCase.getAsJsonObject("input"));
                PoolSpec spec = ConformanceTest.spec(testCase.getAsJsonObject("params"));
                assertFeatureMapIdentical(ConformanceTest.tensor(testCase.getAsJsonObject("expected")),
                        Pooling.avgPool(input, spec), testCase.get("name").getAsString());
                checked++;
            }
            assertTrue(checked >= 50, "only " + checked + " cases checked");
        }
    }

    @Nested
    @DisplayName("global average pooling with the Vector API")
    class WithTheVectorApi {

        /** The kernel and these tests start the JVM with the module (pom.xml's argLine): without it, nothing below runs it. */
        @Test
        void runsInTheseTests() {
            assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                    "the test JVM lacks --add-modules jdk.incubator.vector (surefire's argLine in pom.xml)");
            assumeTrue(VectorWholePlanes.hasEightFloatVectors(), "this processor has no 256-bit float vectors");
            assertTrue(FastAveragePooling.VECTOR_API);
        }

        /**
         * A large map's first call starts the warm-up and pools with the plain loop; once the Vector API is
         * compiled and the faster, large maps take it, with the same means.
         */
        @Test
        void isTakenOnlyAfterItsWarmUp() throws InterruptedException {
            assumeTrue(FastAveragePooling.VECTOR_API && VectorWholePlanes.hasEightFloatVectors(), "no Vector API");
            FeatureMap large = Fixtures.withSpecialValues(new Random(5), 32, 512, 7, 7);
            FeatureMap plainMeans = Pooling.globalAvgPool(large); // on the plain loop, or already warmed up
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!VectorApiWarmUp.ready() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(VectorApiWarmUp.ready(), "the warm-up did not finish within a minute");
            assertFeatureMapIdentical(plainMeans, Pooling.globalAvgPool(large), "the same means after the warm-up");
        }

        /** Same bits as the plain loop, so a notebook shows the same means with the module and without it. */
        @ParameterizedTest(name = "seed {0}")
        @MethodSource("org.poolinglab.FastPathTest#seeds")
        void givesThePlainLoopsBits(int seed) {
            assumeTrue(FastAveragePooling.VECTOR_API, "no Vector API in this JVM");
            Random random = new Random(seed);
            int cells = seed % 4 == 0 ? FastAveragePooling.CHUNK - random.nextInt(10) : 1 + random.nextInt(80);
            int planes = 1 + random.nextInt(7); // odd counts leave one plane for the plain loop
            FeatureMap input = Fixtures.withSpecialValues(random, 1, planes, 1, cells);
            if (seed % 3 == 0) {
                input = shifted(input, 1000);
            }
            double divisor = 1 + random.nextInt(cells);
            float[] plain = new float[planes];
            for (int plane = 0; plane < planes; plane++) {
                plain[plane] = (float) (FastAveragePooling.floatLaneSum(input.data, plane * cells, (plane + 1) * cells)
                        / divisor);
            }
            int first = random.nextInt(planes);
            float[] vector = plain.clone();
            Arrays.fill(vector, first, planes, Float.MIN_VALUE);
            VectorWholePlanes.means(input.data, cells, divisor, vector, first, planes);
            assertArrayEquals(plain, vector, "seed " + seed + ": " + planes + " planes of " + cells + " cells");
        }
    }
}
