package org.poolinglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;

@DisplayName("Stepper")
class StepperTest {

    private static final FeatureMap LESSON = FeatureMap.of(new double[][] {
            {1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}});
    private static final PoolSpec TWO_BY_TWO = PoolSpec.of(2);

    @Nested
    @DisplayName("run again and again with the same inputs")
    class SameInputs {

        @Test
        void showsEachWindowFrameInTurnThenStartsOver() {
            List<BufferedImage> frames = Plots.windowFrames(LESSON, TWO_BY_TWO, PoolType.MAX);
            Stepper stepper = new Stepper();
            List<Integer> numbers = new ArrayList<>();
            for (int run = 0; run < 6; run++) {
                BufferedImage shown = stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
                numbers.add(stepper.stepNumber());
                assertSamePicture(frames.get(run % 4), shown, "run " + (run + 1));
            }
            assertEquals(List.of(1, 2, 3, 4, 1, 2), numbers);
            assertEquals(4, stepper.stepCount());
        }

        @Test
        void countsNothingBeforeTheFirstStep() {
            Stepper stepper = new Stepper();
            assertEquals(0, stepper.stepNumber());
            assertEquals(0, stepper.stepCount());
            assertEquals("a stepper before its first step", stepper.toString());
        }

        @Test
        void saysWhereItIs() {
            Stepper stepper = new Stepper();
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            assertEquals("step 2 of 4: " + TWO_BY_TWO.describe(PoolType.MAX), stepper.toString());
        }

        @Test
        void startsOverAfterReset() {
            Stepper stepper = new Stepper();
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            stepper.reset();
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            assertEquals(1, stepper.stepNumber());
        }

        @Test
        void goesOnWhenTheCellThatBuildsTheMapRunsAgain() {
            Stepper stepper = new Stepper();
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            FeatureMap sameValues = FeatureMap.of(LESSON.toArray());
            stepper.next(sameValues, PoolSpec.of(2), PoolType.MAX);
            assertEquals(2, stepper.stepNumber(), "an equal map and an equal spec are the same inputs");
        }
    }

    @Nested
    @DisplayName("when an input changes")
    class ChangedInputs {

        private Stepper atStepTwo() {
            Stepper stepper = new Stepper();
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            return stepper;
        }

        @Test
        void startsAgainForAnotherMap() {
            Stepper stepper = atStepTwo();
            FeatureMap other = FeatureMap.of(new double[][] {{1, 2}, {3, 4}});
            assertSamePicture(Plots.windowFrames(other, TWO_BY_TWO, PoolType.MAX).get(0),
                    stepper.next(other, TWO_BY_TWO, PoolType.MAX), "first step of the new map");
            assertEquals(1, stepper.stepNumber());
            assertEquals(1, stepper.stepCount());
        }

        @Test
        void startsAgainForAnotherSpec() {
            Stepper stepper = atStepTwo();
            stepper.next(LESSON, TWO_BY_TWO.stride(1), PoolType.MAX);
            assertEquals(1, stepper.stepNumber());
            assertEquals(9, stepper.stepCount());
        }

        @Test
        void startsAgainForAnotherPoolingType() {
            Stepper stepper = atStepTwo();
            assertSamePicture(Plots.windowFrames(LESSON, TWO_BY_TWO, PoolType.AVERAGE).get(0),
                    stepper.next(LESSON, TWO_BY_TWO, PoolType.AVERAGE), "first average step");
            assertEquals(1, stepper.stepNumber());
        }
    }

    @Nested
    @DisplayName("at a projector's scale")
    class AtAProjectorsScale {

        @AfterEach
        void backToNormalSize() {
            Plots.scale(1);
        }

        @Test
        void drawsTheNextStepAtTheNewScale() {
            Stepper stepper = new Stepper();
            BufferedImage normal = stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            Plots.scale(1.5);
            BufferedImage large = stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            assertEquals(2, stepper.stepNumber(), "a new scale does not start the steps again");
            assertEquals(normal.getWidth() * 3 / 2, large.getWidth());
            assertSamePicture(Plots.windowFrames(LESSON, TWO_BY_TWO, PoolType.MAX).get(1), large, "step 2, larger");
        }
    }

    @Nested
    @DisplayName("with invalid arguments")
    class InvalidArguments {

        @Test
        void rejectsAMissingArgumentByName() {
            Stepper stepper = new Stepper();
            assertEquals("input must not be null", assertThrows(NullPointerException.class,
                    () -> stepper.next(null, TWO_BY_TWO, PoolType.MAX)).getMessage());
            assertEquals("spec must not be null", assertThrows(NullPointerException.class,
                    () -> stepper.next(LESSON, null, PoolType.MAX)).getMessage());
            assertEquals("type must not be null", assertThrows(NullPointerException.class,
                    () -> stepper.next(LESSON, TWO_BY_TWO, null)).getMessage());
        }

        @Test
        void rejectsAMapTooLargeToDraw() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new Stepper().next(FeatureMap.of(new double[17][17]), TWO_BY_TWO, PoolType.MAX));
            assertTrue(error.getMessage().contains("input must be at most 16x16 for a Stepper but was 17x17"),
                    error.getMessage());
        }

        @Test
        void rejectsSeveralChannelsAndKeepsItsPlace() {
            Stepper stepper = new Stepper();
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            FeatureMap twoChannels = FeatureMap.of(new double[][][] {{{1}}, {{2}}});
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> stepper.next(twoChannels, TWO_BY_TWO, PoolType.MAX));
            assertTrue(error.getMessage().contains("input must be a single 1x1xHxW map but was 1x2x1x1"),
                    error.getMessage());
            stepper.next(LESSON, TWO_BY_TWO, PoolType.MAX);
            assertEquals(2, stepper.stepNumber(), "a rejected call leaves the stepper where it was");
        }

        @Test
        void rejectsASpecThatDoesNotFitTheMap() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new Stepper().next(LESSON, PoolSpec.of(5), PoolType.MAX));
            assertTrue(error.getMessage().startsWith("output height must be >= 1 but was 0 for input 4x4"),
                    error.getMessage());
        }
    }

    private static void assertSamePicture(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(),
                what + ": size");
        assertArrayEquals(pixels(expected), pixels(actual), what + ": pixels");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
