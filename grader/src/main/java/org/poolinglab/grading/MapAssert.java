package org.poolinglab.grading;

import java.util.Arrays;
import java.util.Locale;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for graded tests whose failure messages a student can act on: the call that was made,
 * the expected and the returned map side by side, the differing cells marked with {@code *}. Each
 * {@code ...Difference} method gives the message without failing, for {@link Calls}.
 */
public final class MapAssert {

    /** Absolute and relative tolerance. */
    public static final double TOLERANCE = 1e-6;

    private MapAssert() {
    }

    public static void assertMap(double[][] expected, double[][] actual, String call) {
        fail(mapDifference(expected, actual, call));
    }

    public static void assertValues(double[] expected, double[] actual, String call) {
        fail(valuesDifference(expected, actual, call));
    }

    public static void assertNumber(double expected, double actual, String call) {
        fail(numberDifference(expected, actual, call));
    }

    /** How {@code actual} differs from the expected map, with both drawn and the differing cells marked; null when it does not. */
    public static String mapDifference(double[][] expected, double[][] actual, String call) {
        if (actual == null) {
            return call + " returned null; expected a " + shape(expected) + " map:\n" + grid(expected, null);
        }
        for (int r = 0; r < actual.length; r++) {
            if (actual[r] == null) {
                return call + " returned a map whose row " + r + " is null";
            }
        }
        int columns = expected.length == 0 ? 0 : expected[0].length;
        if (actual.length != expected.length || Arrays.stream(actual).anyMatch(row -> row.length != columns)) {
            return call + " returned a " + shape(actual) + " map but the answer is " + shape(expected)
                    + "\nexpected:\n" + grid(expected, null) + "\nyours:\n" + grid(actual, null);
        }
        boolean[][] wrong = new boolean[expected.length][columns];
        int wrongCells = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < columns; c++) {
                wrong[r][c] = !close(expected[r][c], actual[r][c]);
                wrongCells += wrong[r][c] ? 1 : 0;
            }
        }
        if (wrongCells == 0) {
            return null;
        }
        return call + ": " + wrongCells + " of " + expected.length * columns
                + " cells differ (marked *)\nexpected:\n" + grid(expected, null) + "\nyours:\n" + grid(actual, wrong);
    }

    /** How {@code actual} differs from the expected values; null when it does not. */
    public static String valuesDifference(double[] expected, double[] actual, String call) {
        if (actual == null || actual.length != expected.length) {
            return call + " returned " + (actual == null ? "null" : actual.length + " values")
                    + " but the answer has " + expected.length + ": " + format(expected);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i])) {
                return call + ": value " + i + " should be " + number(expected[i]) + " but was "
                        + number(actual[i]) + "\nexpected: " + format(expected) + "\nyours:    " + format(actual);
            }
        }
        return null;
    }

    /** How {@code actual} differs from the expected number; null when it does not. */
    public static String numberDifference(double expected, double actual, String call) {
        return close(expected, actual) ? null : call + " should be " + number(expected) + " but was " + number(actual);
    }

    private static void fail(String difference) {
        if (difference != null) {
            throw new AssertionFailedError(difference);
        }
    }

    /** The answer must not change the arrays it was given. */
    public static void assertUnchanged(double[][] before, double[][] after, String call) {
        if (!Arrays.deepEquals(before, after)) {
            throw new AssertionFailedError(call + " changed its input map; work on a new array instead.\nbefore:\n"
                    + grid(before, null) + "\nafter:\n" + grid(after, null));
        }
    }

    public static double[][] copy(double[][] map) {
        return Arrays.stream(map).map(double[]::clone).toArray(double[][]::new);
    }

    /** A map as Java source, short enough for a message: {@code {{1, 3}, {4, 6}}}. */
    public static String literal(double[][] map) {
        if (map.length * map[0].length > 36) {
            return "a " + shape(map) + " map";
        }
        StringBuilder text = new StringBuilder("{");
        for (int r = 0; r < map.length; r++) {
            text.append(r == 0 ? "{" : ", {");
            for (int c = 0; c < map[r].length; c++) {
                text.append(c == 0 ? "" : ", ").append(number(map[r][c]));
            }
            text.append('}');
        }
        return text.append('}').toString();
    }

    private static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(expected, actual) == 0;
        }
        return Math.abs(expected - actual) <= TOLERANCE * (1 + Math.abs(expected));
    }

    private static String shape(double[][] map) {
        return map.length + "x" + (map.length == 0 || map[0] == null ? 0 : map[0].length);
    }

    private static String grid(double[][] map, boolean[][] marks) {
        String[][] cells = new String[map.length][];
        int width = 1;
        for (int r = 0; r < map.length; r++) {
            cells[r] = new String[map[r].length];
            for (int c = 0; c < map[r].length; c++) {
                cells[r][c] = (marks != null && marks[r][c] ? "*" : "") + number(map[r][c]);
                width = Math.max(width, cells[r][c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : cells) {
            text.append(' ');
            for (String cell : row) {
                text.append(' ').append(" ".repeat(width - cell.length())).append(cell);
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return text.append(']').toString();
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
    }
}
