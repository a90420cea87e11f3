package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each executed lesson notebook must show, because its text says so: the lesson's results, and
 * the numbers and findings the prose quotes from the outputs. Should a change in lesson-lib change one
 * of them, this fails, and the sentence that quotes it gets another look.
 */
final class LessonResults {

    private LessonResults() {
    }

    static void check(String notebook, String outputs) {
        switch (notebook.substring(0, 2)) {
            case "01" -> whatIsPooling(outputs);
            case "02" -> sizeStridePadding(outputs);
            case "03" -> poolingAPicture(outputs);
            case "04" -> whyPool(outputs);
            case "05" -> globalPooling(outputs);
            case "06" -> poolingInANetwork(outputs);
            case "07" -> poolingInDeeperNetworks(outputs);
            default -> { }
        }
    }

    /** The lesson's 4x4 example (max, average, global max and average), the channel rule and the spike. */
    private static void whatIsPooling(String outputs) {
        shows("01", outputs, "6  5\n8  9", "3.5  2.5\n4.5  4.0", "global max: 9.0", "global average: 3.625",
                "step 4: window rows 2..3, columns 2..3 [9 3 / 0 4] -> max 9 -> output[1, 1]",
                "average (1 + 3 + 4 + 6) / 4 = 3.5",
                "[1, 2, 4, 4] -> [1, 2, 2, 2]",
                "the spike moved max pooling's output by 16.0, average pooling's by 5.0");
    }

    /**
     * Unread rows counted everywhere, AlexNet's overlap, ceil mode dropping a window in the padding, and
     * ceil mode leaving the gaps of a stride larger than the window unread.
     */
    private static void sizeStridePadding(String outputs) {
        shows("02", outputs, "7x7 -> 4x4", "rows no window reads: [2, 5, 6] without ceil mode, [2, 5] with it",
                "floor((55 + 2*0 - 3) / 2) + 1 = 27 (height and width): 55x55 -> 27x27",
                "floor((55 + 2*0 - 2) / 2) + 1 = 27 (height and width): 55x55 -> 27x27",
                "average (0 + 0 + 0 + 0 + 1 + 3 + 0 + 4 + 6) / 9 = 1.556",
                "average (1 + 3 + 4 + 6) / 4 = 3.5",
                "ceil((5 + 2*1 - 2) / 2) + 1 = 4 - 1 (the last window would start in the padding) = 3"
                        + " (height and width): 5x5 -> 3x3",
                "window rows -1..0, columns -1..0", "window rows 1..2, columns -1..0",
                "window rows 3..4, columns -1..0");
        assertFalse(outputs.contains("window rows 5.."), "02: no window starts in the padding after the map");
        showsRow("02", outputs, "7", "2", "3", "0", "2", "skip cells", "2, 5, 6");
        showsRow("02", outputs, "7", "2", "3", "1", "3", "skip cells", "1, 4");
    }

    /** The channel rule on the edge maps, the half of each response the ReLU keeps, and the costs the text quotes. */
    private static void poolingAPicture(String outputs) {
        shows("03", outputs, "[1, 2, 46, 46] -> [1, 2, 23, 23]");
        for (int channel = 0; channel < 2; channel++) {
            double[] sums = numbers(find(outputs, "channel " + channel
                    + ": positive responses add up to ([\\d.]+), negative ones to -([\\d.]+)"));
            assertTrue(sums[0] > 0 && sums[0] == sums[1], "03: the ReLU keeps exactly half of channel " + channel
                    + "'s response: " + Arrays.toString(sums));
        }
        showsRow("03", outputs, "conv 3x3, 2 filters", "2 x 46 x 46", "20", "38088", "0");
        showsRow("03", outputs, "max pool 2x2", "2 x 23 x 23", "0", "0", "3174");
    }

    /**
     * The ratios the text and summary quote, equivariance, local and global invariance, aliasing after a
     * stride, and the detail lost by max and average pooling.
     */
    private static void whyPool(String outputs) {
        shows("04", outputs, "(4.8 times as many)", "(4.2 times as many)", "(23.0 times as many)",
                "weights and biases, convolutions: 1248 with pooling, 1248 without",
                "(17.8 times as many)", "change: 0.0", "change without pooling: 1.00",
                "global max pooling unchanged: true", "global average pooling unchanged: true");
        double[] none = row(outputs, "no pooling");
        double[] average2 = row(outputs, "2x2 average pooling");
        double[] max2 = row(outputs, "2x2 max pooling");
        double[] max4 = row(outputs, "4x4 max pooling");
        double[] left = numbers(find(outputs, "4x4 max pooling leaves (\\d+)% of the change at 1 pixel and (\\d+)% at 2 pixels"));
        assertTrue(left[0] > 20 && left[0] < 30 && left[1] > 30 && left[1] < 40,
                "04: 4x4 max pooling leaves about a quarter of the change at 1 px and a third at 2: " + Arrays.toString(left));
        assertEquals(100 * max4[1] / none[1], left[0], 2, "04: the share at 1 px agrees with the curves");
        assertEquals(100 * max4[2] / none[2], left[1], 2, "04: the share at 2 px agrees with the curves");
        for (int shift = 1; shift <= 4; shift++) {
            assertTrue(max4[shift] < none[shift] && max4[shift] < max2[shift] && max4[shift] < average2[shift],
                    "04: 4x4 max pooling changes least at shift " + shift);
        }
        for (int shift = 1; shift <= 2; shift++) {
            assertTrue(max4[shift] < none[shift] * 0.4, "04: 4x4 leaves about a third at shift " + shift);
            assertTrue(max2[shift] < none[shift] && average2[shift] < none[shift] && max2[shift] > none[shift] * 0.6,
                    "04: 2x2 pooling helps a little at shift " + shift);
        }
        for (double[] curve : List.of(none, average2, max2, max4)) {
            for (double change : curve) {
                assertTrue(change >= 0 && change <= 1, "04: the change lies between 0 and 1: " + Arrays.toString(curve));
            }
        }
        assertArrayEquals(new double[] {0.32, 0.56, 0.66, 0.67, 0.23, 0.48, 0.28, 0.51},
                new double[] {none[1], none[2], max2[3], none[3], max2[1], max2[2], average2[1], average2[2]},
                "04: the changes the text quotes");
        assertTrue(max2[4] > none[4], "04: at 4 pixels 2x2 max pooling's curve ends above no pooling's");

        // aliasing: the global averages of the features stay; after a stride-2 max pooling, odd moves change them
        Matcher moves = Pattern.compile("(?m)^moved (\\d): global average ([\\d.]+), ([\\d.]+);"
                + " after 2x2 max pooling with stride 2: ([\\d.]+), ([\\d.]+)$").matcher(outputs);
        List<double[]> moved = new java.util.ArrayList<>();
        while (moves.find()) {
            moved.add(new double[] {Double.parseDouble(moves.group(2)), Double.parseDouble(moves.group(3)),
                    Double.parseDouble(moves.group(4)), Double.parseDouble(moves.group(5))});
        }
        assertEquals(5, moved.size(), "04: moves of 0 to 4 pixels");
        for (int shift = 0; shift < 5; shift++) {
            assertArrayEquals(new double[] {0.1059, 0.1150}, Arrays.copyOf(moved.get(shift), 2),
                    "04: global average pooling ignores the move of " + shift);
            assertArrayEquals(shift % 2 == 0 ? new double[] {0.1757, 0.1454} : new double[] {0.1956, 0.1453},
                    Arrays.copyOfRange(moved.get(shift), 2, 4), "04: after the stride, odd moves change it: " + shift);
        }

        // detail lost: max pooling only adds brightness, average pooling adds what it removes
        double[] maxChange = row(outputs, "max, change");
        double[] maxAdded = row(outputs, "max, added");
        double[] maxRemoved = row(outputs, "max, removed");
        double[] averageChange = row(outputs, "average, change");
        double[] averageAdded = row(outputs, "average, added");
        double[] averageRemoved = row(outputs, "average, removed");
        for (int i = 1; i < maxChange.length; i++) {
            assertTrue(maxChange[i] > maxChange[i - 1] && averageChange[i] > averageChange[i - 1],
                    "04: the change grows with every doubling of the window");
            assertTrue(maxChange[i] >= averageChange[i], "04: max pooling's change grows a little faster");
        }
        assertArrayEquals(maxChange, maxAdded, "04: all of max pooling's change is added brightness");
        assertArrayEquals(new double[maxRemoved.length], maxRemoved, "04: max pooling removes nothing");
        assertArrayEquals(averageAdded, averageRemoved, "04: average pooling adds as much as it removes");
        assertArrayEquals(new double[] {0.69, 0.64}, new double[] {maxChange[4], averageChange[4]},
                "04: the changes at 16x16 the text quotes");
    }

    /** Global max cannot tell the channels apart, global average can; the savings; the networks' pooling. */
    private static void globalPooling(String outputs) {
        double[] max = numbers(find(outputs, "global max: +channel 0 ([\\d.]+), channel 1 ([\\d.]+)"));
        double[] average = numbers(find(outputs, "global average: channel 0 ([\\d.]+), channel 1 ([\\d.]+)"));
        assertEquals(max[0], max[1], "05: global max gives both channels the same value");
        assertTrue(average[1] > 3 * average[0], "05: far more horizontal edge than vertical: " + Arrays.toString(average));
        assertEquals(6, Math.round(average[1] / average[0]), "05: about six times as much: " + Arrays.toString(average));
        assertArrayEquals(new double[] {0.030, 0.181}, average, "05: the averages the text quotes");
        // aliasing: the global averages stay; after a stride-2 max pooling a one-pixel move doubles one of them
        String move = "moved %d down, %d right: global average 0.0302, 0.1815; after 2x2 max pooling with stride 2: ";
        shows("05", outputs, move.formatted(0, 0) + "0.0378, 0.1890", move.formatted(0, 1) + "0.0756, 0.1890",
                move.formatted(1, 0) + "0.0378, 0.3781");
        shows("05", outputs, "48.9 times as many");
        showsRow("05", outputs, "global avg pool", "512 x 1 x 1", "0", "25088", "0");
        showsRow("05", outputs, "AlexNet (2012)", "after conv 5", "256 x 13 x 13", "3x3 max pooling, stride 2", "256 x 6 x 6");
        showsRow("05", outputs, "VGG-16 (2014)", "after block 5", "512 x 14 x 14", "2x2 max pooling, stride 2", "512 x 7 x 7");
        showsRow("05", outputs, "ResNet-50 (2015)", "before the classifier", "2048 x 7 x 7", "global average pooling",
                "2048 x 1 x 1");
    }

    /**
     * The gradients, max unpooling and its overlapping counterexample, the networks' sizes, the learning rates
     * chosen on the validation pictures, and every mean, spread and difference the conclusions quote from the
     * five runs of each network (all but the times, which are measured).
     */
    private static void poolingInANetwork(String outputs) {
        shows("06", outputs, "1 raised to 1.5: FeatureMap 1x1x2x2\n6  5\n8  9",
                "6 raised to 6.5: FeatureMap 1x1x2x2\n6.5  5.0\n8.0  9.0",
                "the 6.0 gets 1.0", "the 5.0 gets 2.0", "the 8.0 gets 3.0", "the 9.0 gets 4.0",
                "adds up to 10.0 (max pooling) and 10.0 (average pooling)",
                "kept 4 of 16 values: 28.0 of the map's total 58.0",
                "max unpooling of the gradient equals max pooling's backward pass: true",
                "the centre gets 10.0 from the backward pass, 4.0 from max unpooling",
                "the same seed, the same starting filters in all three: true",
                "the learning rate with the best mean validation accuracy: "
                        + "{no pooling=0.1, max pooling=0.1, average pooling=0.1}",
                "wrong: 0 of 8", """
                        wrong after the move: 6 of 8:
                          Ankle boot taken for Sandal
                          Trouser taken for Dress
                          Trouser taken for Dress
                          Shirt taken for Pullover
                          Trouser taken for Shirt
                          Coat taken for Pullover""");
        assertEquals(4, Pattern.compile("(?m)^the [\\d.]+ gets ").matcher(outputs).results().count(),
                "06: only the four maxima get a gradient");
        showsRow("06", outputs, "Conv2d(1 -> 8, 3x3, stride 1, padding 1)", "8 x 28 x 28", "80", "56448");
        showsRow("06", outputs, "Linear(6272 -> 10)", "10 x 1 x 1", "62730", "62720");
        showsRow("06", outputs, "Linear(1568 -> 10)", "10 x 1 x 1", "15690", "15680");
        showsRow("06", outputs, "total", "", "62810", "119168");
        showsRow("06", outputs, "total", "", "15770", "72128");
        assertEquals(39, Math.round(100.0 * (119168 - 72128) / 119168), "06: 39% fewer multiply-adds");

        String[] models = {"no pooling", "max pooling", "average pooling"};
        for (String model : models) {
            double[] slow = spreadRow(outputs, model, "0.03", 1);
            double[] best = spreadRow(outputs, model, "0.1", 1);
            double[] fast = spreadRow(outputs, model, "0.3", 1);
            assertTrue(best[0] > slow[0] && best[0] > fast[0], "06: 0.1 is " + model + "'s best learning rate");
            // two runs: mean -/+ sd / sqrt(2); one went wrong (about 10%, guessing), the other ran as usual
            assertEquals(10, fast[0] - fast[1] / Math.sqrt(2), 2, "06: one run of " + model + " at 0.3 near 10%");
            assertTrue(fast[0] + fast[1] / Math.sqrt(2) > 70, "06: the other run of " + model + " at 0.3 as usual");
            assertTrue(fast[0] > 40 && fast[0] < 50 && fast[1] > 45 && fast[1] < 55, "06: means near 45, spread about 50");
        }
        assertArrayEquals(new double[] {83.99, 83.86}, new double[] {spreadRow(outputs, "no pooling", "0.1", 1)[0],
                spreadRow(outputs, "no pooling", "0.03", 1)[0]}, "06: no pooling only just best with 0.1");

        // the five runs: train %, test %, moved 1 px %, moved 3 px %, each mean ± sd
        double[] none = spreadRow(outputs, "no pooling", "0.1", 4);
        double[] max = spreadRow(outputs, "max pooling", "0.1", 4);
        double[] average = spreadRow(outputs, "average pooling", "0.1", 4);
        assertArrayEquals(new double[] {84.65, 0.75, 85.57, 0.27, 84.34, 0.64},
                new double[] {none[2], none[3], max[2], max[3], average[2], average[3]}, "06: test accuracy");
        assertEquals(16.4, round1(none[2] - none[4]), "06: a 1-pixel move costs no pooling 16.4 points");
        assertEquals(11.0, round1(max[2] - max[4]), "06: ... max pooling 11.0");
        assertEquals(12.0, round1(average[2] - average[4]), "06: ... average pooling 12.0");
        for (double[] row : List.of(none, max, average)) {
            assertTrue(row[6] > 15 && row[6] < 25, "06: at 3 px about a fifth right (guessing gives a tenth)");
        }
        // the differences against no pooling: test, moved 1 px, moved 3 px, each max pooling then average pooling
        double[][] differences = differenceRows(outputs);
        assertEquals(6, differences.length, "06: three tables of two differences");
        assertArrayEquals(new double[] {0.92, 0.71, 1}, differences[0], "06: max pooling clearly more accurate");
        assertArrayEquals(new double[] {-0.31, 0.88, 0}, differences[1], "06: average pooling within chance");
        assertArrayEquals(new double[] {6.32, 3.50, 1, 4.08, 3.61, 1}, concat(differences[2], differences[3]),
                "06: both clearly better on pictures moved 1 pixel");
        assertEquals(0, differences[4][2] + differences[5][2], "06: at 3 pixels no difference is clear");
        for (double[] difference : differences) {
            assertEquals(Math.abs(difference[0]) > difference[1] ? 1 : 0, difference[2], "06: 'clear' follows the rule");
        }
        // the gap between training and test accuracy, and whether pooling's smaller gaps are clear
        double[] gaps = new double[6];
        for (int m = 0; m < 3; m++) {
            double[] gap = numbers(find(outputs, "(?m)^" + Pattern.quote(models[m])
                    + " +train - test: ([\\d.]+) ± ([\\d.]+) points$"));
            gaps[2 * m] = gap[0];
            gaps[2 * m + 1] = gap[1];
        }
        assertArrayEquals(new double[] {2.03, 0.39, 1.27, 0.30, 0.75, 0.58}, gaps, "06: the gaps the text quotes");
        for (int m = 1; m < 3; m++) {
            double twoErrors = 2 * Math.sqrt((gaps[1] * gaps[1] + gaps[2 * m + 1] * gaps[2 * m + 1]) / 5);
            assertTrue(gaps[0] - gaps[2 * m] > twoErrors, "06: " + models[m] + "'s smaller gap is clear");
        }
        for (double gap : List.of(gaps[0], gaps[2], gaps[4])) {
            assertTrue(gap < 3, "06: every gap is small");
        }
        // the learning curves: tenths 1, 2 and 10
        double[] lastLoss = new double[3];
        for (int m = 0; m < 3; m++) {
            double[] curve = numbers(find(outputs, "(?m)^" + Pattern.quote(models[m])
                    + " +tenths 1, 2 and 10: ([\\d.]+), ([\\d.]+), ([\\d.]+)$"));
            assertTrue(curve[0] - curve[1] > curve[1] - curve[2], "06: " + models[m]
                    + "'s loss falls more in the first tenth than in all the rest: " + Arrays.toString(curve));
            lastLoss[m] = curve[2];
        }
        assertArrayEquals(new double[] {0.432, 0.408, 0.444}, lastLoss, "06: the last tenth's losses the text quotes");
    }

    /**
     * The receptive fields (by the rule and by the backward pass), the networks' sizes, the learning rates
     * chosen on the validation pictures, the aliasing demo, and every mean, spread and difference the text
     * quotes from the five runs of each network (all but the times, which are measured).
     */
    private static void poolingInDeeperNetworks(String outputs) {
        shows("07", outputs, "conv, max pool, conv, max pool: 3x3 (jump 1) 4x4 (jump 2) 8x8 (jump 2) 10x10 (jump 4)",
                "conv, conv, no pooling: 3x3 (jump 1) 5x5 (jump 1)", "stride-2 conv, stride-2 conv: 3x3 (jump 2) 7x7 (jump 4)",
                "conv: 3x3", "conv, pool: 4x4", "conv, pool, conv: 8x8", "conv, pool, conv, pool: 10x10",
                "stride-2 conv twice: 7x7",
                "learning rate of max pooling: 0.1", "learning rate of stride-2 convolutions: 0.05",
                "learning rate of global average head: 0.2", "learning rate of anti-aliased max pooling: 0.05",
                "global average of the map: 0.400 -> 0.400", "after 2x2 max pooling, stride 2: 0.400 -> 0.800",
                "after anti-aliased max pooling: 0.700 -> 0.650");
        showsRow("07", outputs, "max pooling", "8790", "219520");
        showsRow("07", outputs, "average pooling", "8790", "219520");
        showsRow("07", outputs, "stride-2 convolutions", "8790", "60760");
        showsRow("07", outputs, "global average head", "1110", "211840");
        showsRow("07", outputs, "anti-aliased max pooling", "8790", "237160");
        assertEquals(3.6, round1(219520.0 / 60760), "07: 3.6 times fewer multiply-adds");
        assertEquals(87, Math.round(100.0 * (8790 - 1110) / 8790), "07: the head saves 87% of the parameters");
        assertEquals(3.5, round1(100.0 * (219520 - 211840) / 219520), "07: ... and 3.5% of the multiply-adds");
        assertEquals(8, Math.round(100.0 * (237160 - 219520) / 219520), "07: the blur adds 8%");

        // the learning-rate search, two runs each: validation % mean ± sd
        assertArrayEquals(new double[] {81.24, 1.24, 82.22, 3.17, 81.11, 0.98}, concat(concat(
                spreadRow(outputs, "max pooling", "0.05", 1), spreadRow(outputs, "max pooling", "0.1", 1)),
                spreadRow(outputs, "max pooling", "0.2", 1)), "07: max pooling's search");
        assertArrayEquals(new double[] {30.63, 50.90, 61.84}, new double[] {
                spreadRow(outputs, "global average head", "0.05", 1)[0],
                spreadRow(outputs, "global average head", "0.1", 1)[0],
                spreadRow(outputs, "global average head", "0.2", 1)[0]}, "07: the head's accuracy rises with the rate");
        assertArrayEquals(new double[] {78.24, 0.06}, spreadRow(outputs, "anti-aliased max pooling", "0.05", 1),
                "07: anti-aliased max pooling's best rate");
        double[] wrong = spreadRow(outputs, "anti-aliased max pooling", "0.2", 1);
        assertArrayEquals(new double[] {45.72, 51.17}, wrong, "07: one anti-aliased run at 0.2 went wrong");
        assertEquals(10, wrong[0] - wrong[1] / Math.sqrt(2), 1, "07: ... ending near 10%");

        // the thirty runs: test %, moved 2 px %, consistency %, each mean ± sd
        double[] max = spreadRow(outputs, "max pooling", "0.1", 3);
        double[] average = spreadRow(outputs, "average pooling", "0.1", 3);
        double[] strided = spreadRow(outputs, "stride-2 convolutions", "0.05", 3);
        double[] head = spreadRow(outputs, "global average head", "0.2", 3);
        double[] antiAliased = spreadRow(outputs, "anti-aliased max pooling", "0.05", 3);
        double[] moved = spreadRow(outputs, "max pooling, moved pictures", "0.1", 3);
        assertArrayEquals(new double[] {82.74, 0.68, 51.34, 5.86, 87.41, 2.07}, max, "07: max pooling");
        assertArrayEquals(new double[] {79.84, 1.23, 49.80, 8.56, 88.48, 2.20}, average, "07: average pooling");
        assertArrayEquals(new double[] {81.12, 0.75, 42.58, 2.20, 87.00, 1.75}, strided, "07: stride-2 convolutions");
        assertArrayEquals(new double[] {59.45, 1.72, 43.75, 4.81, 82.14, 3.92}, head, "07: global average head");
        assertArrayEquals(new double[] {79.21, 0.78, 60.31, 5.44, 90.78, 1.22}, antiAliased, "07: anti-aliased max pooling");
        assertArrayEquals(new double[] {80.08, 1.52, 74.01, 1.69, 91.96, 1.14}, moved, "07: trained on moved pictures");
        assertEquals(12.59, round2(100 - max[4]), "07: one pixel changes 12.59% of max pooling's answers");
        assertEquals(31.40, round2(max[0] - max[2]), "07: two pixels cost max pooling 31.40 points");

        // against max pooling: difference, twice its standard error, clear
        assertArrayEquals(new double[] {-2.90, 1.26, 1}, differenceRow(outputs, "test %", "average pooling"), "07");
        assertArrayEquals(new double[] {-1.62, 0.90, 1}, differenceRow(outputs, "test %", "stride-2 convolutions"), "07");
        assertArrayEquals(new double[] {-23.28, 1.65, 1}, differenceRow(outputs, "test %", "global average head"), "07");
        assertArrayEquals(new double[] {-3.53, 0.93, 1}, differenceRow(outputs, "test %", "anti-aliased max pooling"), "07");
        assertArrayEquals(new double[] {-2.66, 1.49, 1}, differenceRow(outputs, "test %", "max pooling, moved pictures"), "07");
        assertArrayEquals(new double[] {-5.27, 3.97, 1}, differenceRow(outputs, "consistency %", "global average head"), "07");
        assertArrayEquals(new double[] {3.37, 2.15, 1}, differenceRow(outputs, "consistency %", "anti-aliased max pooling"), "07");
        assertArrayEquals(new double[] {4.55, 2.12, 1}, differenceRow(outputs, "consistency %", "max pooling, moved pictures"), "07");
        assertArrayEquals(new double[] {-7.59, 6.78, 1}, differenceRow(outputs, "moved 2 px %", "global average head"), "07");
        assertArrayEquals(new double[] {8.97, 7.16, 1}, differenceRow(outputs, "moved 2 px %", "anti-aliased max pooling"), "07");
        assertArrayEquals(new double[] {22.67, 5.46, 1}, differenceRow(outputs, "moved 2 px %", "max pooling, moved pictures"), "07");
        // differences the text works out from the table: mean difference, twice its standard error
        assertArrayEquals(new double[] {1.18, 1.49}, difference(moved, antiAliased, 4), "07: the remedies' consistency alike");
        assertArrayEquals(new double[] {13.70, 5.10}, difference(moved, antiAliased, 2), "07: moved pictures ahead at 2 px");
        assertArrayEquals(new double[] {8.76, 5.60}, difference(max, strided, 2), "07: max pooling ahead of stride 2 at 2 px");
        assertArrayEquals(new double[] {0.41, 2.42}, difference(max, strided, 4), "07: their consistency alike");
    }

    /**
     * The row of {@code model} in a differences table titled "{measure} against max pooling" (the first
     * such table that has one): difference, twice the standard error, clear (1 or 0).
     */
    private static double[] differenceRow(String outputs, String measure, String model) {
        Pattern row = Pattern.compile("(?m)^\\s*" + Pattern.quote(model) + "\\s+\\|\\s+[\\d.]+ ± [\\d.]+\\s+\\|"
                + "\\s+([+-][\\d.]+)\\s+\\|\\s+([\\d.]+)\\s+\\|\\s+(yes|no)\\s+\\|$");
        String title = measure + " against max pooling";
        for (int table = outputs.indexOf(title); table >= 0; table = outputs.indexOf(title, table + 1)) {
            int next = outputs.indexOf(" against max pooling", table + title.length());
            Matcher matcher = row.matcher(outputs.substring(table, next < 0 ? outputs.length() : next));
            if (matcher.find()) {
                return new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                        matcher.group(3).equals("yes") ? 1 : 0};
            }
        }
        throw new AssertionError("07: no row of " + model + " in a table of " + title + ":\n" + outputs);
    }

    /** {@code a} minus {@code b} in the measure whose mean sits at {@code at} (sd after it), five runs each, and twice its standard error, to 2 places. */
    private static double[] difference(double[] a, double[] b, int at) {
        double twoErrors = 2 * Math.sqrt((a[at + 1] * a[at + 1] + b[at + 1] * b[at + 1]) / 5);
        return new double[] {round2(a[at] - b[at]), round2(twoErrors)};
    }

    /**
     * A row of an {@code ExperimentResults} summary: model, learning rate, runs, seconds, then
     * {@code measures} cells of {@code mean ± sd}; returns the means and spreads, in order.
     */
    private static double[] spreadRow(String outputs, String model, String learningRate, int measures) {
        String number = "\\s+\\|\\s+([\\d.]+) ± ([\\d.]+)";
        return numbers(find(outputs, "(?m)^\\s*" + Pattern.quote(model) + "\\s+\\|\\s+" + Pattern.quote(learningRate)
                + "\\s+\\|\\s+\\d+\\s+\\|\\s+[\\d.]+" + number.repeat(measures) + "\\s+\\|$"));
    }

    /** Every row of an {@code ExperimentResults.differences} table: difference, twice the standard error, clear (1 or 0). */
    private static double[][] differenceRows(String outputs) {
        Matcher row = Pattern.compile("(?m)^\\s*(?:max pooling|average pooling)\\s+\\|\\s+[\\d.]+ ± [\\d.]+\\s+\\|"
                + "\\s+([+-][\\d.]+)\\s+\\|\\s+([\\d.]+)\\s+\\|\\s+(yes|no)\\s+\\|$").matcher(outputs);
        List<double[]> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(new double[] {Double.parseDouble(row.group(1)), Double.parseDouble(row.group(2)),
                    row.group(3).equals("yes") ? 1 : 0});
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void shows(String notebook, String outputs, String... expected) {
        for (String text : List.of(expected)) {
            assertTrue(outputs.contains(text), notebook + "'s outputs should show '" + text + "' but were:\n" + outputs);
        }
    }

    /** A row of a printed Tablesaw table with these cells, whatever the padding between them. */
    private static void showsRow(String notebook, String outputs, String... cells) {
        String regex = Arrays.stream(cells).map(Pattern::quote).reduce((a, b) -> a + "\\s+\\|\\s+" + b).orElseThrow();
        assertTrue(Pattern.compile("(?m)^\\s*" + regex + "\\s+\\|$").matcher(outputs).find(),
                notebook + "'s outputs should have a table row " + List.of(cells) + " but were:\n" + outputs);
    }

    /** The numbers printed after {@code name} on its line, e.g. "no pooling  0.00  0.63  1.12". */
    private static double[] row(String outputs, String name) {
        return numbers(find(outputs, "(?m)^" + Pattern.quote(name) + " +([\\d. ]+)$"));
    }

    private static String find(String outputs, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(outputs);
        assertTrue(matcher.find(), "no output matches " + regex + ":\n" + outputs);
        StringBuilder groups = new StringBuilder();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            groups.append(' ').append(matcher.group(group));
        }
        return groups.toString();
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
