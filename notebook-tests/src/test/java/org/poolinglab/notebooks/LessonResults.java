package org.poolinglab.notebooks;

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
