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

    /** Unread rows counted everywhere, AlexNet's overlap, and ceil mode dropping a window in the padding. */
    private static void sizeStridePadding(String outputs) {
        shows("02", outputs, "7x7 -> 4x4",
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

    /** The channel rule on the edge maps, and the costs the text quotes. */
    private static void poolingAPicture(String outputs) {
        shows("03", outputs, "[1, 2, 46, 46] -> [1, 2, 23, 23]");
        showsRow("03", outputs, "conv 3x3, 2 filters", "2 x 46 x 46", "20", "38088", "0");
        showsRow("03", outputs, "max pool 2x2", "2 x 23 x 23", "0", "0", "3174");
    }

    /** The ratios the text and summary quote, equivariance, local and global invariance, detail lost. */
    private static void whyPool(String outputs) {
        shows("04", outputs, "(4.8 times as many)", "(4.2 times as many)", "(23.0 times as many)",
                "weights and biases, convolutions: 1248 with pooling, 1248 without",
                "(17.8 times as many)", "change: 0.0", "change without pooling: 2.0",
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
        assertTrue(none[1] > 0.5 && none[2] > 1, "04: without pooling, one pixel changes more than half, two more than all");
        assertTrue(max2[3] >= none[3] && max2[4] >= none[4], "04: at 3 and 4 pixels 2x2 max pooling is no better than none");
        double[] errors = numbers(find(outputs, "error after enlarging, per window: (.*)"));
        for (int i = 1; i < errors.length; i++) {
            assertTrue(errors[i] > errors[i - 1], "04: the error grows with every doubling: " + Arrays.toString(errors));
        }
        assertTrue(errors[3] > 1 && errors[2] < 1, "04: from the 8x8 window on, the error is larger than the picture");
    }

    /** Global max cannot tell the channels apart, global average can; the savings; the networks' pooling. */
    private static void globalPooling(String outputs) {
        double[] max = numbers(find(outputs, "global max: +channel 0 ([\\d.]+), channel 1 ([\\d.]+)"));
        double[] average = numbers(find(outputs, "global average: channel 0 ([\\d.]+), channel 1 ([\\d.]+)"));
        assertEquals(max[0], max[1], "05: global max gives both channels the same value");
        assertTrue(average[1] > 3 * average[0], "05: far more horizontal edge than vertical: " + Arrays.toString(average));
        shows("05", outputs, "48.9 times as many");
        showsRow("05", outputs, "global avg pool", "512 x 1 x 1", "0", "25088", "0");
        showsRow("05", outputs, "AlexNet (2012)", "after conv 5", "256 x 13 x 13", "3x3 max pooling, stride 2", "256 x 6 x 6");
        showsRow("05", outputs, "VGG-16 (2014)", "after block 5", "512 x 14 x 14", "2x2 max pooling, stride 2", "512 x 7 x 7");
        showsRow("05", outputs, "ResNet-50 (2015)", "before the classifier", "2048 x 7 x 7", "global average pooling",
                "2048 x 1 x 1");
    }

    /**
     * The gradients on the lesson's map, max unpooling, the networks' sizes, and every number and finding
     * the conclusions quote from the results table (all but the time, which is measured).
     */
    private static void poolingInANetwork(String outputs) {
        shows("06", outputs, "1 raised to 1.5: FeatureMap 1x1x2x2\n6  5\n8  9",
                "6 raised to 6.5: FeatureMap 1x1x2x2\n6.5  5.0\n8.0  9.0",
                "the 6.0 gets 1.0", "the 5.0 gets 2.0", "the 8.0 gets 3.0", "the 9.0 gets 4.0",
                "adds up to 10.0 (max pooling) and 10.0 (average pooling)",
                "kept 4 of 16 values: 28.0 of the map's total 58.0",
                "max unpooling of the gradient is max pooling's backward pass: true",
                "same starting filters, all three: true",
                "same starting dense weights, max and average pooling: true",
                "wrong: 0 of 8", "wrong after the move: 4 of 8 [Ankle boot taken for Sandal, Trouser taken for"
                        + " Shirt, Trouser taken for Shirt, Coat taken for Pullover]");
        assertEquals(4, outputs.split(" gets ", -1).length - 1, "06: only the four maxima get a gradient");
        showsRow("06", outputs, "Conv2d(1 -> 8, 3x3, stride 1, padding 1)", "8 x 28 x 28", "80", "56448");
        showsRow("06", outputs, "Linear(6272 -> 10)", "10 x 1 x 1", "62730", "62720");
        showsRow("06", outputs, "Linear(1568 -> 10)", "10 x 1 x 1", "15690", "15680");

        shows("06", outputs, "a quarter epoch: 47 batches");
        String[] models = {"no pooling", "2x2 max pooling", "2x2 average pooling"};
        double[] lastLoss = new double[3];
        for (int m = 0; m < 3; m++) {
            double[] curve = numbers(find(outputs, "(?m)^" + Pattern.quote(models[m]) + " +quarter 1: ([\\d.]+), "
                    + "4 \\(end of epoch 1\\): ([\\d.]+), 12: ([\\d.]+); the lowest in (\\d+) of (\\d+)$"));
            assertTrue(curve[0] - curve[1] > curve[1] - curve[2], "06: " + models[m]
                    + "'s loss falls more in the first epoch than in the two after it: " + Arrays.toString(curve));
            lastLoss[m] = curve[2];
            assertEquals(m == 1 ? 12 : 0, curve[3], "06: max pooling's loss is the lowest in every quarter");
        }
        assertArrayEquals(new double[] {0.399, 0.374, 0.413}, lastLoss, "06: the last quarter's losses the text quotes");

        // the results table: parameters, multiply-adds, (time), train, test, moved 1, 2 and 3 px
        double[] none = resultsRow(outputs, models[0]);
        double[] max = resultsRow(outputs, models[1]);
        double[] average = resultsRow(outputs, models[2]);
        assertArrayEquals(new double[] {62810, 119168, 87.6, 84.7, 68.0, 39.5, 19.4}, withoutTime(none), "06: no pooling");
        assertArrayEquals(new double[] {15770, 72128, 89.1, 86.4, 76.0, 45.0, 23.7}, withoutTime(max), "06: max");
        assertArrayEquals(new double[] {15770, 72128, 86.4, 84.6, 75.5, 45.0, 23.2}, withoutTime(average), "06: average");
        for (double[] row : List.of(none, max, average)) {
            assertTrue(row[4] > row[5] && row[5] > row[6] && row[6] > row[7], "06: every move costs more accuracy");
            assertTrue(row[7] < 25 && row[7] > 10, "06: at 3 px fewer than a quarter right, more than guessing");
            assertTrue(row[3] - row[4] < 3, "06: every gap between training and test is small");
        }
        assertTrue(max[4] - none[4] > 1 && Math.abs(average[4] - none[4]) < 0.5,
                "06: max pooling a little ahead on the test pictures, average pooling level with none");
        assertTrue(max[3] - max[4] < none[3] - none[4] && average[3] - average[4] < none[3] - none[4],
                "06: smaller gaps with pooling");
        for (int moved = 5; moved <= 7; moved++) {
            assertTrue(max[4] - max[moved] < none[4] - none[moved] && average[4] - average[moved] < none[4] - none[moved],
                    "06: the pooled networks lose less to a move of " + (moved - 4) + " px");
        }
        for (double[] row : List.of(none, max, average)) {
            assertTrue(row[4] - row[7] > row[4] / 2, "06: at 3 px every network loses most of its accuracy");
        }
        shows("06", outputs,
                "no pooling           test - no pooling's: +0.0, train - test: 2.9, test - moved 1, 2, 3 px: 16.7, 45.2, 65.3",
                "2x2 max pooling      test - no pooling's: +1.7, train - test: 2.7, test - moved 1, 2, 3 px: 10.4, 41.4, 62.7",
                "2x2 average pooling  test - no pooling's: -0.1, train - test: 1.8, test - moved 1, 2, 3 px: 9.1, 39.6, 61.4");
    }

    /** The numbers of a row of notebook 06's results table, after the model's name. */
    private static double[] resultsRow(String outputs, String model) {
        String number = "\\s+\\|\\s+([\\d.]+)";
        return numbers(find(outputs, "(?m)^\\s*" + Pattern.quote(model) + number.repeat(8) + "\\s+\\|$"));
    }

    /** A results row without its third number, the measured time per epoch. */
    private static double[] withoutTime(double[] row) {
        double[] counts = new double[row.length - 1];
        for (int i = 0, j = 0; i < row.length; i++) {
            if (i != 2) {
                counts[j++] = row[i];
            }
        }
        return counts;
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
