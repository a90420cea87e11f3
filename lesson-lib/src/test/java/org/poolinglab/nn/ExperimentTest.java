package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.Parallel;
import org.poolinglab.data.LabelledImages;
import tech.tablesaw.api.Table;

@DisplayName("Experiment: several models, several seeds, one table")
class ExperimentTest {

    private static final List<String> CLASSES = List.of("bright top", "bright bottom");

    @AfterEach
    void restoreTheDefault() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    /** 6x6 pictures with noise: class 0 is brighter in its top half, class 1 in its bottom half. */
    private static LabelledImages pictures(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 36];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
            for (int cell = 0; cell < 36; cell++) {
                boolean top = cell < 18;
                pixels[i * 36 + cell] = (float) (random.nextDouble() * 0.6 + (top == (labels[i] == 0) ? 0.4 : 0));
            }
        }
        return LabelledImages.of(FeatureMap.of(new int[] {count, 1, 6, 6}, pixels), labels, CLASSES);
    }

    private static final Function<Random, Sequential> POOLED = random -> new Sequential(
            new Conv2d(1, 2, 3, random).padding(1), new ReLU(), new MaxPool2d(2), new Flatten(),
            new Linear(2 * 3 * 3, 2, random));
    private static final Function<Random, Sequential> STRIDED = random -> new Sequential(
            new Conv2d(1, 2, 3, random).stride(2).padding(1), new ReLU(), new Flatten(),
            new Linear(2 * 3 * 3, 2, random));

    private static ExperimentResults experiment(LabelledImages training, LabelledImages test) {
        return Experiment.on(training).epochs(2).batchSize(16).seeds(1, 2, 3)
                .model("pooled", 0.1, POOLED)
                .model("strided", 0.1, STRIDED)
                .model("pooled, moved pictures", 0.1, 1, POOLED)
                .measure("test %", model -> Accuracy.of(model, test))
                .run();
    }

    @Nested
    @DisplayName("trains")
    class Trains {

        @Test
        void everyModelOncePerSeedAndTheNetworksLearn() {
            ExperimentResults results = experiment(pictures(200, 1), pictures(100, 2));
            assertEquals(9, results.runs().size());
            assertEquals(List.of("pooled", "strided", "pooled, moved pictures"), results.models());
            for (TrainingRun run : results.runs()) {
                assertEquals(2 * 13, run.losses().length, "steps of " + run.model() + ": 2 epochs of 13 batches");
                assertTrue(run.measure("test %") > 80, run.model() + " seed " + run.seed() + " learned: "
                        + run.measure("test %"));
            }
            assertArrayEquals(new int[] {1, 2, 3}, results.runs().subList(0, 3).stream().mapToInt(TrainingRun::seed)
                    .toArray());
        }

        @Test
        void theSameNumbersBitForBitSideBySideOnTwoThreadsAsOnOne() {
            LabelledImages training = pictures(200, 1);
            LabelledImages test = pictures(100, 2);
            Parallel.setThreads(1);
            ExperimentResults alone = experiment(training, test);
            Parallel.setThreads(2);
            ExperimentResults sideBySide = experiment(training, test);
            for (int i = 0; i < alone.runs().size(); i++) {
                TrainingRun a = alone.runs().get(i);
                TrainingRun b = sideBySide.runs().get(i);
                assertArrayEquals(a.losses(), b.losses(), "losses of run " + i);
                assertEquals(a.measures(), b.measures(), "measures of run " + i);
                for (int p = 0; p < a.network().parameters().size(); p++) {
                    assertArrayEquals(a.network().parameters().get(p).value(), b.network().parameters().get(p).value(),
                            "parameter " + p + " of run " + i);
                }
            }
        }

        @Test
        void aRunIsTheDocumentedLoopTheSeedGivingTheWeightsTheOrderAndTheMoves() {
            LabelledImages training = pictures(50, 1);
            ExperimentResults results = Experiment.on(training).epochs(2).batchSize(16).momentum(0.5).seeds(7)
                    .model("moved", 0.05, 1, POOLED).run();
            Random seeds = new Random(7);
            Sequential network = POOLED.apply(new Random(seeds.nextLong()));
            Random order = new Random(seeds.nextLong());
            Random moves = new Random(seeds.nextLong());
            Sgd sgd = new Sgd(network.parameters(), 0.05, 0.5);
            List<Double> losses = new ArrayList<>();
            for (int epoch = 0; epoch < 2; epoch++) {
                for (LabelledImages batch : training.shuffled(order.nextLong()).batches(16)) {
                    LabelledImages moved = batch.randomlyShifted(1, moves);
                    losses.add(network.trainStep(moved.images(), moved.labels(), sgd));
                }
            }
            assertArrayEquals(losses.stream().mapToDouble(Double::doubleValue).toArray(),
                    results.runs().get(0).losses());
        }

        @Test
        void withTheLearningRateFallingToZeroStepByStep() {
            LabelledImages training = pictures(40, 1);
            ExperimentResults results = Experiment.on(training).batchSize(16).seeds(5).decayLearningRate()
                    .model("pooled", 0.2, POOLED).run();
            Random seeds = new Random(5);
            Sequential network = POOLED.apply(new Random(seeds.nextLong()));
            Random order = new Random(seeds.nextLong());
            Sgd sgd = new Sgd(network.parameters(), 0.2, 0.9);
            List<Double> losses = new ArrayList<>();
            for (LabelledImages batch : training.shuffled(order.nextLong()).batches(16)) {
                sgd.setLearningRate(0.2 * (1 - losses.size() / 3.0)); // 3 steps: 0.2, 0.133, 0.067
                losses.add(network.trainStep(batch.images(), batch.labels(), sgd));
            }
            assertArrayEquals(losses.stream().mapToDouble(Double::doubleValue).toArray(),
                    results.runs().get(0).losses());
        }

        @Test
        void theLearningRateRisingOverTheWarmUpThenFalling() {
            // 10 steps, a warm-up of 3: 1/3, 2/3, then 1; times 1 - step / 10 when it decays
            assertEquals(1 / 3.0, Experiment.learningRateFactor(0, 10, 0.3, false), 1e-12);
            assertEquals(2 / 3.0, Experiment.learningRateFactor(1, 10, 0.3, false), 1e-12);
            assertEquals(1, Experiment.learningRateFactor(2, 10, 0.3, false), 1e-12);
            assertEquals(2 / 3.0 * 0.9, Experiment.learningRateFactor(1, 10, 0.3, true), 1e-12);
            assertEquals(0.1, Experiment.learningRateFactor(9, 10, 0.3, true), 1e-12);
            assertEquals(1, Experiment.learningRateFactor(5, 10, 0, false), 1e-12);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.on(pictures(10, 1)).warmUp(1))
                    .getMessage().contains("share must be in [0, 1) but was 1.0"));
        }

        @Test
        void saysWhatItWillDo() {
            Experiment experiment = Experiment.on(pictures(50, 1)).seeds(3, 4).warmUp(0.1).decayLearningRate()
                    .model("pooled", 0.1, POOLED).model("strided", 0.05, STRIDED)
                    .measure("test %", model -> 0);
            assertEquals("4 runs: 2 models x 2 seeds (3, 4), each 1 epoch of 50 pictures in batches of 64, SGD with "
                    + "momentum 0.9, the learning rate rising over the first 10% of the steps, then falling to 0; "
                    + "measured: test %", experiment.toString());
            assertEquals("1 run: 1 model x 1 seed (1), each 1 epoch of 50 pictures in batches of 64, SGD with "
                    + "momentum 0.9", Experiment.on(pictures(50, 1)).model("pooled", 0.1, POOLED).toString());
        }

        @Test
        void otherSeedsOtherRuns() {
            ExperimentResults results = Experiment.on(pictures(50, 1)).seeds(1, 2).model("pooled", 0.1, POOLED).run();
            assertNotEquals(results.runs().get(0).losses()[0], results.runs().get(1).losses()[0]);
        }
    }

    @Nested
    @DisplayName("sums up")
    class SumsUp {

        private TrainingRun run(String model, double learningRate, int seed, double value) {
            return new TrainingRun(model, learningRate, seed, 1.5, new double[] {4, 2, 3, 1, 2, 0},
                    Map.of("score", value), null);
        }

        /** a: 10, 12, 14 (mean 12, sd 2); b: 20, 21, 22 (mean 21, sd 1); c: 11, 13, 15 (mean 13, sd 2). */
        private final ExperimentResults results = new ExperimentResults(List.of(
                run("a", 0.1, 1, 10), run("a", 0.1, 2, 12), run("a", 0.1, 3, 14),
                run("b", 0.1, 1, 20), run("b", 0.1, 2, 21), run("b", 0.1, 3, 22),
                run("c", 0.1, 1, 11), run("c", 0.1, 2, 13), run("c", 0.1, 3, 15)), List.of("score"), 2);

        @Test
        void eachModelsMeanAndSampleStandardDeviation() {
            assertEquals(12, results.mean("a", "score"), 1e-12);
            assertEquals(2, results.standardDeviation("a", "score"), 1e-12);
            assertEquals(1, results.standardDeviation("b", "score"), 1e-12);
            assertArrayEquals(new double[] {20, 21, 22}, results.values("b", "score"));
            Table summary = results.summary();
            assertEquals(List.of("a", "b", "c"), summary.stringColumn("model").asList());
            assertEquals(List.of("12.00 ± 2.00", "21.00 ± 1.00", "13.00 ± 2.00"), summary.stringColumn("score").asList());
            assertEquals(3, summary.intColumn("runs").get(0));
        }

        @Test
        void aDifferenceIsClearOnlyWhenLargerThanTwiceItsStandardError() {
            Table differences = results.differences("score", "a");
            assertEquals(List.of("b", "c"), differences.stringColumn("model").asList());
            assertEquals(List.of("+9.00", "+1.00"), differences.stringColumn("minus a").asList());
            // b: 2 * sqrt(4/3 + 1/3) = 2.58; c: 2 * sqrt(4/3 + 4/3) = 3.27
            assertEquals(List.of("2.58", "3.27"), differences.stringColumn("2 x standard error").asList());
            assertEquals(List.of("yes", "no"), differences.stringColumn("clear").asList());
        }

        @Test
        void theBestLearningRateOfEachModelByItsMean() {
            ExperimentResults search = new ExperimentResults(List.of(run("a", 0.1, 1, 10), run("a", 0.1, 2, 12),
                    run("a", 0.01, 1, 13), run("a", 0.01, 2, 9.5), run("b", 0.3, 1, 5)), List.of("score"), 1);
            assertEquals(Map.of("a", 0.01, "b", 0.3), search.bestLearningRates("score"));
            assertEquals(3, search.summary().rowCount(), "a row per model and learning rate");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> search.values("a", "score")).getMessage()
                    .contains("several learning rates"));
        }

        @Test
        void theLossCurveAveragedOverTheRunsPartByPartOfEachEpoch() {
            // each run's losses 4, 2, 3 | 1, 2, 0 over 2 epochs of 3 steps; 1 point per epoch: 3 and 1; with 2
            // points, steps 0 and 1 of an epoch make its first point, step 2 its second
            assertArrayEquals(new double[] {3, 1}, results.lossCurve("a", 1), 1e-12);
            assertArrayEquals(new double[] {3, 3, 1.5, 0}, results.lossCurve("a", 2), 1e-12);
        }

        @Test
        void namesWhatItDoesNotKnow() {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> results.values("d", "score")).getMessage()
                    .contains("model must be one of [a, b, c] but was d"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> results.values("a", "speed")).getMessage()
                    .contains("measure must be one of [score] but was speed"));
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        void anExperimentWithoutModels() {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.on(pictures(10, 1)).run())
                    .getMessage().contains("at least one model"));
        }

        @Test
        void aSeedTwiceAModelTwiceAndABadLearningRate() {
            Experiment experiment = Experiment.on(pictures(10, 1)).model("a", 0.1, POOLED);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> experiment.seeds(1, 2, 1)).getMessage()
                    .contains("seeds must differ but 1 is there twice"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> experiment.model("a", 0.1, POOLED))
                    .getMessage().contains("model a with learning rate 0.1 is there twice"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> experiment.model("b", 0, POOLED))
                    .getMessage().contains("learningRate must be a positive number but was 0.0"));
        }
    }

    @Nested
    @DisplayName("Accuracy")
    class Accuracies {

        /** A classifier that answers class 0 when the left half of a 1x4 picture is brighter, else 1. */
        private Sequential leftOrRight() {
            Linear dense = new Linear(4, 2, new Random(1));
            dense.weight().set(new float[] {1, 1, 0, 0, 0, 0, 1, 1});
            dense.bias().set(new float[] {0, 0});
            return new Sequential(new Flatten(), dense);
        }

        private LabelledImages strip(float[] pixels, int[] labels) {
            return LabelledImages.of(FeatureMap.of(new int[] {labels.length, 1, 1, 4}, pixels), labels, CLASSES);
        }

        @Test
        void theShareOfPicturesWhoseHighestScoreIsTheirClass() {
            LabelledImages pictures = strip(new float[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0},
                    new int[] {0, 1, 0, 1});
            assertEquals(75, Accuracy.of(leftOrRight(), pictures), 1e-12);
        }

        @Test
        void consistencyTheShareOfAnswersAOnePixelMoveLeavesAlone() {
            // moved right, the 1 of {0, 1, 0, 0} crosses to the right half; moved down, a 1x4 picture goes black
            LabelledImages pictures = strip(new float[] {0, 1, 0, 0, 1, 0, 0, 0}, new int[] {0, 0});
            // right: the first answer changes (0 -> 1), the second stays; down: all black, answer 0, both stay
            assertEquals((50 + 100) / 2.0, Accuracy.consistency(leftOrRight(), pictures), 1e-12);
        }
    }
}
