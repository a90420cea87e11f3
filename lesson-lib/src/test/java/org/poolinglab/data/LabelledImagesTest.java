package org.poolinglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.poolinglab.FeatureMapAssertions.assertRejected;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poolinglab.FeatureMap;

@DisplayName("LabelledImages")
class LabelledImagesTest {

    private static final List<String> CLASSES = List.of("zero", "one", "two");

    /** Five 2x2 images; every pixel of image {@code i} is {@code i}, and its label is {@code i % 3}. */
    private static LabelledImages five() {
        int count = 5;
        float[] pixels = new float[count * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 4;
        }
        return LabelledImages.of(FeatureMap.of(new int[] {count, 1, 2, 2}, pixels), new int[] {0, 1, 2, 0, 1}, CLASSES);
    }

    /** The number image {@code i} is filled with, checked against its label on the way. */
    private static int[] imageNumbers(LabelledImages set) {
        int[] numbers = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            numbers[i] = (int) set.images().get(i, 0, 1, 1);
            assertEquals(numbers[i] % 3, set.label(i), "image " + i + " kept its own label");
        }
        return numbers;
    }

    @Nested
    @DisplayName("holds")
    class Holds {

        @Test
        void imagesLabelsAndClassNames() {
            LabelledImages set = five();
            assertEquals(5, set.size());
            assertArrayEquals(new int[] {5, 1, 2, 2}, set.images().shape());
            assertArrayEquals(new int[] {1, 1, 2, 2}, set.image(3).shape());
            assertEquals(3f, set.image(3).get(0, 0, 1, 0));
            assertArrayEquals(new int[] {0, 1, 2, 0, 1}, set.labels());
            assertEquals("two", set.labelName(2));
            assertEquals(CLASSES, set.classNames());
        }

        @Test
        void howManyImagesEachClassHas() {
            assertArrayEquals(new int[] {2, 2, 1}, five().countPerClass());
        }

        @Test
        void copiesOfWhatItIsGivenAndHandsOut() {
            int[] labels = {0, 1};
            LabelledImages set = LabelledImages.of(FeatureMap.of(new int[] {2, 1, 1, 1}, new float[2]), labels, CLASSES);
            labels[0] = 2;
            set.labels()[1] = 2;
            assertArrayEquals(new int[] {0, 1}, set.labels());
        }

        @Test
        void printsItsSizeAndHowManyImagesEachClassHas() {
            assertEquals("5 images 1x2x2; per class: zero 2, one 2, two 1", five().toString());
        }
    }

    @Nested
    @DisplayName("takes a part")
    class TakesAPart {

        @Test
        void theFirstN() {
            assertArrayEquals(new int[] {0, 1}, imageNumbers(five().first(2)));
            assertEquals(five(), five().first(5));
        }

        @Test
        void aRange() {
            assertArrayEquals(new int[] {1, 2, 3}, imageNumbers(five().range(1, 4)));
        }

        @Test
        void batchesInOrderTheLastHoldingWhatIsLeft() {
            List<LabelledImages> batches = five().batches(2);
            assertEquals(3, batches.size());
            assertArrayEquals(new int[] {0, 1}, imageNumbers(batches.get(0)));
            assertArrayEquals(new int[] {2, 3}, imageNumbers(batches.get(1)));
            assertArrayEquals(new int[] {4}, imageNumbers(batches.get(2)));
            assertEquals(List.of(five()), five().batches(5));
        }

        @ParameterizedTest(name = "n = {0}")
        @ValueSource(ints = {0, 6, -1})
        void rejectsAFirstNOutsideTheSet(int n) {
            assertRejected(() -> five().first(n), "n must be in [1, 5] (the number of images) but was " + n);
        }

        @Test
        void rejectsAnEmptyOrBackwardsRange() {
            assertRejected(() -> five().range(3, 3), "range from 3 to 3 must satisfy 0 <= from < to <= 5");
            assertRejected(() -> five().range(-1, 2), "range from -1 to 2");
            assertRejected(() -> five().range(2, 6), "range from 2 to 6");
        }

        @Test
        void rejectsABatchSizeBelowOne() {
            assertRejected(() -> five().batches(0), "batchSize must be >= 1 but was 0");
        }
    }

    @Nested
    @DisplayName("shuffles")
    class Shuffles {

        @Test
        void likeCollectionsShuffleWithARandomOfTheSameSeed() {
            for (long seed : new long[] {0, 1, 42}) {
                List<Integer> expected = new ArrayList<>(IntStream.range(0, 5).boxed().toList());
                Collections.shuffle(expected, new Random(seed));
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
                        imageNumbers(five().shuffled(seed)), "seed " + seed);
            }
        }

        @Test
        void inBatchesMadeOneAtATimeThatAreTheShuffledSetsBatches() {
            List<LabelledImages> batches = new ArrayList<>();
            five().shuffledBatches(42, 2).forEach(batches::add);
            assertEquals(five().shuffled(42).batches(2), batches);
            assertRejected(() -> five().shuffledBatches(1, 0), "batchSize must be >= 1 but was 0");
        }

        @Test
        void theSameWayForTheSameSeedAndAnotherWayForAnother() {
            assertEquals(five().shuffled(7), five().shuffled(7));
            assertNotEquals(five().shuffled(7), five().shuffled(8));
            assertNotEquals(five(), five().shuffled(7));
        }
    }

    @Nested
    @DisplayName("holds out a validation part")
    class ValidationParts {

        @Test
        void theFirstImagesOfTheShuffleForValidationAndTheRestForTraining() {
            ValidationSplit split = five().validationSplit(2, 9);
            int[] shuffled = imageNumbers(five().shuffled(9));
            assertArrayEquals(new int[] {shuffled[0], shuffled[1]}, imageNumbers(split.validation()));
            assertArrayEquals(new int[] {shuffled[2], shuffled[3], shuffled[4]}, imageNumbers(split.training()));
        }

        @ParameterizedTest(name = "validationSize = {0}")
        @ValueSource(ints = {0, 5, -1})
        void rejectsAPartThatLeavesNothingOnEitherSide(int size) {
            assertRejected(() -> five().validationSplit(size, 1),
                    "validationSize must be in [1, 4] (fewer than the 5 images) but was " + size);
        }

        @Test
        void aTrainingSizeKeepsTheFirstPicturesOfTheTrainingPart() {
            ValidationSplit whole = five().validationSplit(2, 9);
            ValidationSplit smaller = five().validationSplit(2, 2, 9);
            assertEquals(whole.validation(), smaller.validation());
            assertEquals(whole.training().first(2), smaller.training());
            assertEquals(whole, five().validationSplit(2, 3, 9));
        }

        @ParameterizedTest(name = "trainingSize = {0}")
        @ValueSource(ints = {0, 4, -1})
        void rejectsATrainingSizeThatIsEmptyOrLargerThanWhatIsLeft(int size) {
            assertRejected(() -> five().validationSplit(2, size, 1),
                    "trainingSize must be in [1, 3] (the 5 images less 2 for validation) but was " + size);
        }
    }

    @Nested
    @DisplayName("shifts every image")
    class Shifts {

        /** One 3x3 image with the values 1 to 9, row after row. */
        private final LabelledImages nine = LabelledImages.of(
                FeatureMap.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}), new int[] {2}, CLASSES);

        @Test
        void downWithZerosComingInAtTheTop() {
            assertArrayEquals(new double[][] {{0, 0, 0}, {1, 2, 3}, {4, 5, 6}}, nine.shifted(1, 0).images().toArray());
        }

        @Test
        void leftWithZerosComingInAtTheRight() {
            assertArrayEquals(new double[][] {{3, 0, 0}, {6, 0, 0}, {9, 0, 0}}, nine.shifted(0, -2).images().toArray());
        }

        @Test
        void eachImageOnItsOwnByUpToMaxShiftInEachDirection() {
            int count = 400;
            float[] dots = new float[count * 25];
            for (int i = 0; i < count; i++) {
                dots[i * 25 + 12] = 1; // a single bright pixel in the middle of a 5x5 image
            }
            LabelledImages centred = LabelledImages.of(FeatureMap.of(new int[] {count, 1, 5, 5}, dots), new int[count],
                    CLASSES);
            LabelledImages moved = centred.randomlyShifted(2, new Random(3));
            Set<Integer> places = new HashSet<>();
            for (int i = 0; i < count; i++) {
                int at = -1;
                for (int cell = 0; cell < 25; cell++) {
                    if (moved.images().get(i, 0, cell / 5, cell % 5) == 1) {
                        assertEquals(-1, at, "one bright pixel in image " + i);
                        at = cell;
                    }
                }
                places.add(at);
            }
            assertEquals(25, places.size(), "every move from -2 to 2 down and right happened");
            assertEquals(moved, centred.randomlyShifted(2, new Random(3)), "the same moves for the same seed");
            assertEquals(centred, centred.randomlyShifted(0, new Random(3)), "maxShift 0 moves nothing");
        }

        @Test
        void randomlyWithZerosComingIn() {
            LabelledImages moved = nine.randomlyShifted(1, new Random(5));
            Random same = new Random(5);
            int down = same.nextInt(3) - 1;
            int right = same.nextInt(3) - 1;
            assertEquals(nine.shifted(down, right), moved);
            assertRejected(() -> nine.randomlyShifted(-1, new Random(1)), "maxShift must be >= 0 but was -1");
        }

        @Test
        void keepingTheLabels() {
            assertArrayEquals(five().labels(), five().shifted(1, 1).labels());
            assertArrayEquals(new int[] {2}, nine.shifted(-1, 1).labels());
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        private final FeatureMap two = FeatureMap.of(new int[] {2, 1, 1, 1}, new float[2]);

        @Test
        void aLabelCountThatIsNotTheImageCount() {
            assertRejected(() -> LabelledImages.of(two, new int[] {0}, CLASSES),
                    "labels must have one label per image (2) but has 1");
        }

        @Test
        void aLabelOutsideTheClasses() {
            assertRejected(() -> LabelledImages.of(two, new int[] {0, 3}, CLASSES),
                    "labels[1] must be in [0, 3) (one of 3 classes) but was 3");
        }

        @Test
        void noClassNames() {
            assertRejected(() -> LabelledImages.of(two, new int[] {0, 0}, List.of()), "classNames must not be empty");
        }

        @Test
        void anImageIndexOutsideTheSet() {
            IndexOutOfBoundsException error = assertThrows(IndexOutOfBoundsException.class, () -> five().image(5));
            assertEquals("i must be in [0, 5) but was 5", error.getMessage());
        }
    }
}
