package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolinglab.FeatureMapAssertions.assertRejected;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("FeatureMap")
class FeatureMapTest {

    @Nested
    @DisplayName("made from arrays")
    class MadeFromArrays {

        @Test
        void aSingleMapHasShapeOneByOneByHeightByWidth() {
            FeatureMap map = FeatureMap.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertArrayEquals(new int[] {1, 1, 2, 3}, map.shape());
            assertEquals(new Size(2, 3), map.size());
        }

        @Test
        void storesCellsRowAfterRowAndPlaneAfterPlane() {
            FeatureMap map = FeatureMap.of(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});
            assertArrayEquals(new int[] {1, 2, 2, 2}, map.shape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, map.toFloatArray());
            assertEquals(7f, map.get(0, 1, 1, 0));
        }

        @Test
        void cellNCHWIsAtTheRowMajorOffset() {
            float[] data = new float[2 * 3 * 4 * 5];
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            FeatureMap map = FeatureMap.of(new int[] {2, 3, 4, 5}, data);
            assertEquals(((1 * 3 + 2) * 4 + 3) * 5 + 4, map.get(1, 2, 3, 4));
            assertArrayEquals(new float[] {75, 76, 77, 78, 79}, java.util.Arrays.copyOfRange(
                    map.channel(1, 0).toFloatArray(), 15, 20));
        }

        @Test
        void toArrayGivesBackTheRows() {
            assertArrayEquals(Fixtures.LESSON, Fixtures.lesson().toArray());
        }
    }

    @Nested
    @DisplayName("is immutable")
    class IsImmutable {

        @Test
        void copiesTheArraysItIsGiven() {
            double[][] rows = {{1, 2}, {3, 4}};
            float[] data = {1, 2, 3, 4};
            FeatureMap fromRows = FeatureMap.of(rows);
            FeatureMap fromData = FeatureMap.of(new int[] {1, 1, 2, 2}, data);
            rows[0][0] = 99;
            data[0] = 99;
            assertEquals(1f, fromRows.get(0, 0, 0, 0));
            assertEquals(1f, fromData.get(0, 0, 0, 0));
        }

        @Test
        void handsOutCopies() {
            FeatureMap map = Fixtures.lesson();
            map.toArray()[0][0] = 99;
            map.toFloatArray()[0] = 99;
            map.shape()[0] = 99;
            assertEquals(Fixtures.lesson(), map);
        }

        @Test
        void wrapTakesTheArrayOverWithoutCopyingAfterTheSameChecks() {
            float[] data = {1, 2, 3, 4};
            FeatureMap wrapped = FeatureMap.wrap(new int[] {1, 1, 2, 2}, data);
            assertEquals(FeatureMap.of(new int[] {1, 1, 2, 2}, data), wrapped);
            data[0] = 99; // what wrap's callers promise never to do
            assertEquals(99f, wrapped.get(0, 0, 0, 0));
            assertRejected(() -> FeatureMap.wrap(new int[] {1, 2, 3, 4}, new float[23]),
                    "data must have 24 values for shape 1x2x3x4 but has 23");
        }

        @Test
        void reshapeKeepsTheValuesInTheirOrderInAnotherShape() {
            FeatureMap flat = Fixtures.lesson().reshape(1, 16, 1, 1);
            assertArrayEquals(new int[] {1, 16, 1, 1}, flat.shape());
            assertArrayEquals(Fixtures.lesson().toFloatArray(), flat.toFloatArray());
            assertEquals(6f, flat.get(0, 5, 0, 0), "cell (1, 1) of the lesson's map");
            assertEquals(Fixtures.lesson(), flat.reshape(1, 1, 4, 4));
            assertRejected(() -> Fixtures.lesson().reshape(1, 1, 4, 5),
                    "shape 1x1x4x5 must have as many cells as this map's 1x1x4x4 (16)");
            assertRejected(() -> Fixtures.lesson().reshape(16, 1, 1), "shape must have 4 entries");
            assertRejected(() -> Fixtures.lesson().reshape(-1, -16, 1, 1), "shape N must be >= 1 but was -1");
        }
    }

    @Nested
    @DisplayName("equality and printing")
    class EqualityAndPrinting {

        @Test
        void equalMapsHaveEqualHashCodes() {
            assertEquals(Fixtures.lesson(), Fixtures.lesson());
            assertEquals(Fixtures.lesson().hashCode(), Fixtures.lesson().hashCode());
            assertNotEquals(Fixtures.lesson(), FeatureMap.of(new int[] {1, 1, 2, 8}, Fixtures.lesson().toFloatArray()));
        }

        @Test
        void printsTheLessonsExampleAsAGrid() {
            assertEquals("""
                    FeatureMap 1x1x4x4
                    1  3  2  1
                    4  6  5  2
                    7  8  9  3
                    1  2  0  4""", Fixtures.lesson().toString());
        }

        @Test
        void printsEveryValueWithTheDecimalsTheMapNeeds() {
            assertEquals("""
                    FeatureMap 1x1x2x2
                    3.5  2.5
                    4.5  4.0""", FeatureMap.of(Fixtures.LESSON_AVERAGE).toString());
        }

        @Test
        void alignsColumnsAndLabelsPlanes() {
            FeatureMap map = FeatureMap.of(new double[][][] {{{-1, 10}}, {{Double.NaN, Double.NEGATIVE_INFINITY}}});
            assertEquals("""
                    FeatureMap 1x2x1x2
                    [n=0, c=0]
                      -1    10
                    [n=0, c=1]
                     NaN  -inf""", map.toString());
        }

        @Test
        void summarisesLargeMaps() {
            String text = Fixtures.constant(2, 1, 64, 32, 32).toString();
            assertEquals("FeatureMap 1x64x32x32 (min 2, max 2, mean 2)", text);
        }
    }

    @Nested
    @DisplayName("with invalid arguments")
    class WithInvalidArguments {

        @Test
        void rejectsNull() {
            NullPointerException error = assertThrows(NullPointerException.class, () -> FeatureMap.of((double[][]) null));
            assertTrue(error.getMessage().contains("rows"));
            assertThrows(NullPointerException.class, () -> FeatureMap.of(new double[][] {{1}, null}));
            assertThrows(NullPointerException.class, () -> FeatureMap.of(null, new float[1]));
        }

        @Test
        void rejectsEmptyArrays() {
            assertRejected(() -> FeatureMap.of(new double[0][]), "rows must not be empty");
            assertRejected(() -> FeatureMap.of(new double[][] {{}}), "rows must not be empty");
            assertRejected(() -> FeatureMap.of(new double[0][][]), "planes must not be empty");
        }

        @Test
        void rejectsRaggedRows() {
            assertRejected(() -> FeatureMap.of(new double[][] {{1, 2, 3}, {4, 5}}),
                    "rows must all have the same length", "row 1 has 2 values", "row 0 has 3");
        }

        @Test
        void rejectsChannelsOfDifferentHeights() {
            assertRejected(() -> FeatureMap.of(new double[][][] {{{1}, {2}}, {{3}}}),
                    "every channel must have 2 rows", "channel 1 has 1");
        }

        @Test
        void rejectsShapeAndDataThatDisagree() {
            assertRejected(() -> FeatureMap.of(new int[] {1, 2, 3, 4}, new float[23]),
                    "data must have 24 values for shape 1x2x3x4 but has 23");
            assertRejected(() -> FeatureMap.of(new int[] {1, 3, 3}, new float[9]), "shape must have 4 entries");
            assertRejected(() -> FeatureMap.of(new int[] {1, 0, 3, 3}, new float[0]), "shape C must be >= 1 but was 0");
        }

        @Test
        void rejectsCellsOutsideTheMap() {
            IndexOutOfBoundsException error = assertThrows(IndexOutOfBoundsException.class,
                    () -> Fixtures.lesson().get(0, 0, 4, 0));
            assertEquals("h must be in [0, 4) but was 4", error.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> Fixtures.lesson().channel(0, 1));
        }

        @Test
        void toArrayNeedsASingleMap() {
            assertRejected(() -> Fixtures.random(1, 2, 3, 4, 4).toArray(), "1x1xHxW", "2x3x4x4", "channel(n, c)");
        }
    }
}
