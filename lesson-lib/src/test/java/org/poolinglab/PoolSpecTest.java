package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolinglab.FeatureMapAssertions.assertRejected;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

@DisplayName("PoolSpec")
class PoolSpecTest {

    @Test
    void defaultsToStrideEqualToTheWindowAndNoPadding() {
        PoolSpec spec = PoolSpec.of(3, 2);
        assertEquals(new Size(3, 2), spec.window());
        assertEquals(new Size(3, 2), spec.stride());
        assertEquals(new Size(1, 1), spec.dilation());
        assertArrayEquals(new int[4], spec.padding(new Size(5, 5)));
        assertFalse(spec.ceilMode());
        assertTrue(spec.countIncludePad());
        assertTrue(spec.divisorOverride().isEmpty());
    }

    @Test
    void settersReturnANewSpecAndLeaveTheOldOneAlone() {
        PoolSpec two = PoolSpec.of(2);
        PoolSpec strided = two.stride(1);
        assertEquals(new Size(2, 2), two.stride());
        assertEquals(new Size(1, 1), strided.stride());
        assertNotEquals(two, strided);
        assertEquals(PoolSpec.of(2).stride(1), strided);
    }

    @Test
    void printsWhatDiffersFromTheDefaults() {
        assertEquals("PoolSpec{window 2x2, stride 2x2}", PoolSpec.of(2).toString());
        assertEquals("PoolSpec{window 3x3, stride 2x2, padding 1, ceil mode}",
                PoolSpec.of(3).stride(2).padding(1).ceilMode(true).toString());
        assertEquals("PoolSpec{window 2x2, stride 2x2, SAME padding}", PoolSpec.of(2).same().toString());
    }

    @Nested
    @DisplayName("output size")
    class OutputSize {

        @ParameterizedTest(name = "in={0} k={1} s={2} p={3} d={4} ceil={5} -> {6}")
        @CsvFileSource(resources = "/output-sizes.csv")
        void matchesPyTorch(int in, int window, int stride, int padding, int dilation, boolean ceil, int out) {
            PoolSpec spec = PoolSpec.of(window).stride(stride).padding(padding).dilation(dilation).ceilMode(ceil);
            assertEquals(new Size(out, out), spec.outputShape(in, in));
        }

        @Test
        void ofTheLessonsExampleIsTwoByTwo() {
            assertEquals(new Size(2, 2), PoolSpec.of(2).outputShape(4, 4));
        }

        @Test
        void withSamePaddingIsTheInputDividedByTheStrideRoundedUp() {
            for (int in = 1; in <= 12; in++) {
                for (int stride = 1; stride <= 4; stride++) {
                    for (int window = 1; window <= 5; window++) {
                        int expected = (in + stride - 1) / stride;
                        PoolSpec spec = PoolSpec.of(window).stride(stride);
                        assertEquals(new Size(expected, expected), spec.same().outputShape(in, in), spec + " in " + in);
                        assertEquals(new Size(expected, expected), spec.sameLower().outputShape(in, in));
                    }
                }
            }
        }

        @Test
        void samePutsTheOddPaddingCellAfterAndSameLowerBefore() {
            assertArrayEquals(new int[] {0, 0, 1, 1}, PoolSpec.of(2).stride(1).same().padding(new Size(5, 5)));
            assertArrayEquals(new int[] {1, 1, 0, 0}, PoolSpec.of(2).stride(1).sameLower().padding(new Size(5, 5)));
            assertArrayEquals(new int[] {1, 1, 1, 1}, PoolSpec.of(3).stride(1).same().padding(new Size(5, 5)));
        }

        @Test
        void explainShowsTheFormulaWithTheNumbers() {
            assertEquals("out = floor((in + 2p - k) / s) + 1 = floor((4 + 2*0 - 2) / 2) + 1 = 2 (height and width): 4x4 -> 2x2",
                    PoolSpec.of(2).explain(4, 4));
        }

        @Test
        void explainNamesEachAxisWhenTheyDiffer() {
            String text = PoolSpec.of(3, 2).stride(2, 1).padding(1, 0).explain(7, 5);
            assertEquals("height out = floor((in + 2p - k) / s) + 1 = floor((7 + 2*1 - 3) / 2) + 1 = 4; "
                    + "width out = floor((in + 2p - k) / s) + 1 = floor((5 + 2*0 - 2) / 1) + 1 = 4: 7x5 -> 4x4", text);
        }

        @Test
        void explainSaysWhenCeilModeDropsTheLastWindow() {
            // 5 + 2*1 - 2 = 5 cells to slide over: ceil(5 / 2) + 1 = 4, but window 4 would start at row 5, in the padding.
            String text = PoolSpec.of(2).padding(1).ceilMode(true).explain(5, 5);
            assertTrue(text.contains("ceil((5 + 2*1 - 2) / 2) + 1 = 4 - 1 (the last window would start in the padding) = 3"), text);
            assertTrue(text.endsWith("5x5 -> 3x3"), text);
        }

        @Test
        void explainShowsDilationAndSamePadding() {
            assertTrue(PoolSpec.of(3).stride(1).dilation(2).explain(7, 7).contains("floor((7 + 2*0 - 2*(3 - 1) - 1) / 1) + 1 = 3"));
            assertTrue(PoolSpec.of(3).stride(2).same().explain(5, 5)
                    .contains("ceil(5 / 2) = 3 with SAME_UPPER padding 1 before, 1 after"));
        }
    }

    @Nested
    @DisplayName("with invalid arguments")
    class WithInvalidArguments {

        @Test
        void rejectsAWindowBelowOne() {
            assertRejected(() -> PoolSpec.of(0), "window height must be >= 1 but was 0");
            assertRejected(() -> PoolSpec.of(2, -1), "window width must be >= 1 but was -1");
        }

        @Test
        void rejectsZeroStride() {
            assertRejected(() -> PoolSpec.of(2).stride(0), "stride height must be >= 1 but was 0");
            assertRejected(() -> PoolSpec.of(2).stride(1, 0), "stride width must be >= 1 but was 0");
        }

        @Test
        void rejectsZeroDilation() {
            assertRejected(() -> PoolSpec.of(2).dilation(0), "dilation height must be >= 1 but was 0");
        }

        @Test
        void rejectsNegativePadding() {
            assertRejected(() -> PoolSpec.of(2).padding(-1), "padding top must be >= 0 but was -1");
            assertRejected(() -> PoolSpec.of(2).padding(0, 0, 0, -2), "padding right must be >= 0 but was -2");
        }

        @Test
        void rejectsPaddingOverHalfTheWindow() {
            assertRejected(() -> PoolSpec.of(3).padding(2), "padding top 2 must be at most half the window height 3 (1)");
            assertRejected(() -> PoolSpec.of(4, 2).padding(2, 2), "padding left 2 must be at most half the window width 2 (1)");
        }

        @Test
        void rejectsADivisorOfZero() {
            assertRejected(() -> PoolSpec.of(2).divisorOverride(0), "divisorOverride must not be 0");
        }

        @Test
        void rejectsAnEmptyOutput() {
            assertRejected(() -> PoolSpec.of(5).outputShape(4, 4), "output height must be >= 1 but was 0",
                    "input 4x4", "floor((4 + 2*0 - 5) / 5) + 1 = 0");
            assertRejected(() -> PoolSpec.of(1, 5).outputShape(4, 4), "output width must be >= 1 but was 0");
        }

        @Test
        void rejectsAnEmptyInput() {
            assertRejected(() -> PoolSpec.of(2).outputShape(0, 4), "input height must be >= 1 but was 0");
        }
    }
}
