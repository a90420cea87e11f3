package org.poolinglab.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.poolinglab.FeatureMap;
import org.poolinglab.WindowCell;
import org.poolinglab.WindowStep;

/**
 * The words of every picture's text alternative ({@link DescribedImage}), made from the data it is drawn
 * from: a small map's values row by row, a large one's size and range; a chart's series and what they do;
 * a window step's position, arithmetic and where its value goes. Written to be read out: numbers as the
 * pictures show them, no symbols a screen reader would spell out.
 */
final class Descriptions {

    /** Maps with at most this many cells are described value by value, larger ones by size and range. */
    static final int MAX_CELLS_READ_OUT = 64;
    /** Series with at most this many points are read out point by point, longer ones by their course. */
    static final int MAX_POINTS_READ_OUT = 8;

    private Descriptions() {
    }

    /** E.g. {@code Heat maps, darker for larger values (scale 0 to 9): input, 4x4: row 0: 1, 3, 2, 1; ...}. */
    static String heatMaps(List<String> titles, List<FeatureMap> planes, double min, double max) {
        String scale = "darker for larger values (scale " + HeatMaps.format(min) + " to " + HeatMaps.format(max) + ")";
        if (planes.size() == 1) {
            return "Heat map \"" + titles.get(0) + "\", " + map(planes.get(0)) + ", " + scale + ": "
                    + values(planes.get(0)) + ".";
        }
        StringJoiner panels = new StringJoiner(". ", planes.size() + " heat maps side by side, " + scale + ". ", ".");
        for (int i = 0; i < planes.size(); i++) {
            panels.add(titles.get(i) + ", " + map(planes.get(i)) + ": " + values(planes.get(i)));
        }
        return panels.toString();
    }

    /** The map's size, e.g. {@code 4x4}. */
    private static String map(FeatureMap plane) {
        return plane.height() + "x" + plane.width();
    }

    /**
     * A small map's values row by row ({@code row 0: 1, 3, 2, 1; row 1: ...}), a single value as it is, a
     * large map's range, mean, zeros and largest value.
     */
    static String values(FeatureMap plane) {
        int height = plane.height();
        int width = plane.width();
        if (height * width == 1) {
            return "value " + HeatMaps.format(plane.get(0, 0, 0, 0));
        }
        if (height * width <= MAX_CELLS_READ_OUT) {
            StringJoiner rows = new StringJoiner("; ");
            for (int row = 0; row < height; row++) {
                StringJoiner cells = new StringJoiner(", ", "row " + row + ": ", "");
                for (int column = 0; column < width; column++) {
                    cells.add(HeatMaps.format(plane.get(0, 0, row, column)));
                }
                rows.add(cells.toString());
            }
            return rows.toString();
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int zeros = 0;
        int highRow = 0;
        int highColumn = 0;
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                double value = plane.get(0, 0, row, column);
                low = Math.min(low, value);
                sum += value;
                zeros += value == 0 ? 1 : 0;
                if (value > high) {
                    high = value;
                    highRow = row;
                    highColumn = column;
                }
            }
        }
        int cells = height * width;
        String zeroShare = zeros > 0 ? ", " + Math.round(100.0 * zeros / cells) + "% of cells 0" : "";
        return "values from " + HeatMaps.format(low) + " to " + HeatMaps.format(high) + ", mean "
                + HeatMaps.format(sum / cells) + zeroShare + ", the largest first at row " + highRow + ", column "
                + highColumn;
    }

    /** E.g. {@code 2x2 max pooling, stride 2: 4x4 to 2x2. 2 heat maps side by side, ...}. */
    static String beforeAfter(String title, String heatMaps) {
        return title + ". " + heatMaps;
    }

    /**
     * One window step, e.g. {@code Step 2 of 4 of 2x2 max pooling, stride 2: the window covers rows 0 to 1,
     * columns 2 to 3 of the 4x4 input; max(2, 1, 5, 2) = 5 goes to output row 0, column 1.}
     */
    static String step(WindowStep step, int count, String pooling, FeatureMap input, String arithmetic) {
        int firstRow = Integer.MAX_VALUE;
        int lastRow = Integer.MIN_VALUE;
        int firstColumn = Integer.MAX_VALUE;
        int lastColumn = Integer.MIN_VALUE;
        int padding = 0;
        for (WindowCell cell : step.cells()) {
            firstRow = Math.min(firstRow, cell.row());
            lastRow = Math.max(lastRow, cell.row());
            firstColumn = Math.min(firstColumn, cell.column());
            lastColumn = Math.max(lastColumn, cell.column());
            padding += cell.padding() ? 1 : 0;
        }
        String paddingNote = padding == 0 ? ""
                : " (" + padding + " of its " + step.cells().size() + " cells in the padding)";
        return "Step " + step.number() + " of " + count + " of " + pooling + ": the window covers rows "
                + firstRow + " to " + lastRow + ", columns " + firstColumn + " to " + lastColumn + " of the "
                + map(input) + " input" + paddingNote + "; " + spoken(arithmetic) + " goes to output row "
                + step.outputRow() + ", column " + step.outputColumn() + ".";
    }

    /** Symbols a screen reader may skip or misread, in words: minus signs and infinity. */
    private static String spoken(String text) {
        return text.replace("\u2212\u221e", "minus infinity").replace("\u221e", "infinity").replace('\u2212', '-');
    }

    /**
     * E.g. {@code Line chart "Output side": output side against stride (1, 2, 3), one line per series, each
     * with its own marker and dash. 2x2 window: 27, 14, 9 (falls).}
     */
    static String lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        String points = x.length <= MAX_POINTS_READ_OUT ? join(x) : HeatMaps.format(x[0]) + " to "
                + HeatMaps.format(x[x.length - 1]);
        String lines = series.size() > 1 ? ", one line per series, each with its own marker and dash" : "";
        StringJoiner text = new StringJoiner(" ", "Line chart \"" + title + "\": " + yTitle + " against " + xTitle
                + " (" + points + ")" + lines + ". ", "");
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            text.add(entry.getKey() + ": " + course(x, entry.getValue()) + ".");
        }
        return text.toString();
    }

    /** A few points read out with their trend, or a long series' course: start, end, and the extreme between. */
    static String course(double[] x, double[] y) {
        int last = y.length - 1;
        String trend = trend(y);
        if (y.length <= MAX_POINTS_READ_OUT) {
            return join(y) + " (" + trend + ")";
        }
        int lowest = 0;
        int highest = 0;
        for (int i = 1; i < y.length; i++) {
            lowest = y[i] < y[lowest] ? i : lowest;
            highest = y[i] > y[highest] ? i : highest;
        }
        return trend + ", from " + point(x[0], y[0]) + " to " + point(x[last], y[last]) + "; lowest "
                + point(x[lowest], y[lowest]) + ", highest " + point(x[highest], y[highest]);
    }

    private static String point(double x, double y) {
        return HeatMaps.format(y) + " at " + HeatMaps.format(x);
    }

    /**
     * rises, falls, stays the same, rises then falls, falls then rises, or with more turns, where it ends up:
     * falls overall, with ups and downs (or rises overall, or goes up and down).
     */
    static String trend(double[] y) {
        List<Integer> turns = new ArrayList<>();
        int direction = 0;
        for (int i = 1; i < y.length; i++) {
            int step = Double.compare(y[i], y[i - 1]);
            if (step != 0 && step != direction) {
                turns.add(step);
                direction = step;
            }
        }
        if (turns.isEmpty()) {
            return "stays the same";
        }
        String first = turns.get(0) > 0 ? "rises" : "falls";
        return switch (turns.size()) {
            case 1 -> first;
            case 2 -> first + " then " + (turns.get(1) > 0 ? "rises" : "falls");
            default -> y[y.length - 1] == y[0] ? "goes up and down"
                    : (y[y.length - 1] < y[0] ? "falls" : "rises") + " overall, with ups and downs";
        };
    }

    private static String join(double[] values) {
        StringJoiner text = new StringJoiner(", ");
        for (double value : values) {
            text.add(HeatMaps.format(value));
        }
        return text.toString();
    }

    /**
     * E.g. {@code Dot plot "Test accuracy" (%), one dot per run, each model's mean and one standard deviation
     * either side: max pooling: 5 runs, 85.1 to 85.6, mean 85.35, sd 0.33; ...}.
     */
    static String runs(String title, String yTitle, Map<String, double[]> runs) {
        StringJoiner models = new StringJoiner("; ", "Dot plot \"" + title + "\" (" + yTitle + "), one dot per run, "
                + "each model's mean and one standard deviation either side: ", ".");
        for (Map.Entry<String, double[]> entry : runs.entrySet()) {
            double[] values = entry.getValue();
            double mean = Arrays.stream(values).average().orElseThrow();
            String spread = values.length > 1 ? ", sd " + String.format(Locale.ROOT, "%.2f",
                    Plots.standardDeviation(values)) : "";
            models.add(entry.getKey() + ": " + values.length + (values.length == 1 ? " run, " : " runs, ")
                    + HeatMaps.format(Arrays.stream(values).min().orElseThrow()) + " to "
                    + HeatMaps.format(Arrays.stream(values).max().orElseThrow())
                    + String.format(Locale.ROOT, ", mean %.2f", mean) + spread);
        }
        return models.toString();
    }

    /** E.g. {@code Bar chart "Cost" (thousands): multiply-adds: with pooling 192.06, without pooling 804.38; ...}. */
    static String bars(String title, String yTitle, List<String> categories, Map<String, double[]> series) {
        StringJoiner groups = new StringJoiner("; ", "Bar chart \"" + title + "\" (" + yTitle + ")"
                + (series.size() > 1 ? ", in each group the bars in the legend's order" : "") + ": ", ".");
        for (int c = 0; c < categories.size(); c++) {
            StringJoiner bars = new StringJoiner(", ", categories.get(c) + ": ", "");
            for (Map.Entry<String, double[]> entry : series.entrySet()) {
                bars.add((series.size() > 1 ? entry.getKey() + " " : "") + HeatMaps.format(entry.getValue()[c]));
            }
            groups.add(bars.toString());
        }
        return groups.toString();
    }

    /**
     * E.g. {@code "The first 8 training pictures": 8 grey-scale pictures, captioned: 1. Ankle boot; 2. ...},
     * with {@code (wrong)} after each marked picture.
     */
    static String pictures(String title, List<Pictures.Tile> tiles, String whatEachShows) {
        long marked = tiles.stream().filter(Pictures.Tile::marked).count();
        StringJoiner text = new StringJoiner("; ", "\"" + title + "\": " + tiles.size() + " grey-scale pictures of "
                + size(tiles) + " pixels" + whatEachShows
                + (marked > 0 ? " (" + marked + " wrong, framed in red and crossed)" : "") + ": ", ".");
        for (int i = 0; i < tiles.size(); i++) {
            Pictures.Tile tile = tiles.get(i);
            text.add((i + 1) + ". " + String.join(", ", tile.lines()) + (tile.marked() ? " (wrong)" : ""));
        }
        return text.toString();
    }

    private static String size(List<Pictures.Tile> tiles) {
        FeatureMap first = tiles.get(0).picture();
        boolean allAlike = tiles.stream().allMatch(t -> t.picture().height() == first.height()
                && t.picture().width() == first.width());
        return allAlike ? first.height() + "x" + first.width() : "several sizes";
    }

    /** Several pictures in one: {@code arrangement}, then each picture's description, numbered. */
    static String combined(String arrangement, List<? extends BufferedImage> images) {
        if (images.size() == 1) {
            return of(images.get(0));
        }
        StringJoiner text = new StringJoiner(" ", images.size() + " pictures " + arrangement + ". ", "");
        for (int i = 0; i < images.size(); i++) {
            text.add("Picture " + (i + 1) + ": " + of(images.get(i)));
        }
        return text.toString();
    }

    /** The description of a {@link DescribedImage}; for any other picture, its size. */
    static String of(BufferedImage image) {
        return image instanceof DescribedImage described ? described.description()
                : "a picture of " + image.getWidth() + "x" + image.getHeight() + " pixels without a description.";
    }
}
