package org.poolinglab.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.poolinglab.FeatureMap;

/**
 * Feature maps as XChart heat maps, one chart per map, drawn side by side with one cell size and one
 * colour scale, so a smaller map looks smaller and equal values look equal; one colour bar on the right.
 * Row 0 is at the top, like the printed grid. Sizes below are at normal size: {@link Plots#scale} makes
 * every one of them larger by the same factor.
 */
final class HeatMaps {

    /**
     * Cells at least this many pixels wide (at normal size) get their value written in them. So a map
     * with values is at least as wide as the narrowest plot area XChart draws, and its plot area is
     * exactly its grid: the background of its blank zeros (see {@link Panel#heatData}) shows nowhere else.
     */
    static final int VALUES_FROM_CELL = FittedHeatMapChart.MIN_PLOT_WIDTH;
    /** Cells at least this many pixels wide (at normal size) get row and column numbers along the edges. */
    static final int INDICES_FROM_CELL = 16;
    static final int MIN_CELL = 3;
    static final int MAX_CELL = 56;
    /** The longest side of the largest map is drawn at most this many pixels long. */
    static final int MAX_GRID_SIDE = 420;
    /** A row of maps, with their titles, is at most about this many pixels wide, so it fits a slide. */
    static final int MAX_ROW_WIDTH = 1200;
    /** The colour bar's width, and its height's limits (it is as tall as the tallest map within them). */
    static final int BAR_WIDTH = FittedHeatMapChart.MIN_PLOT_WIDTH;
    static final int MIN_BAR_HEIGHT = 100;
    static final int MAX_BAR_HEIGHT = 240;

    private static final int GAP = 12;
    private static final int CHART_PADDING = 10;
    /** About what a chart adds to its grid's width: paddings, row numbers, the gap to the next chart. */
    private static final int CHART_FRAME = 2 * CHART_PADDING + 28 + GAP;
    /** About the width of the colour bar with its labels and note. */
    private static final int COLOUR_BAR = 100;

    private HeatMaps() {
    }

    /**
     * One map in a row of them.
     *
     * @param cell       the side of one cell in pixels, the same for every panel of a row
     * @param showValues whether each cell has its value written in it
     * @param blankZeros whether zero cells are left without a number (in maps that are mostly zeros)
     */
    record Panel(String title, FeatureMap plane, int cell, boolean showValues, boolean blankZeros) {

        int gridWidth() {
            return cell * plane.width();
        }

        int gridHeight() {
            return cell * plane.height();
        }

        boolean showIndices() {
            return cell >= Palette.px(INDICES_FROM_CELL);
        }

        /** The width of the title or the caption, whichever is wider. */
        int textWidth() {
            return Math.max(Palette.width(title, Palette.title()), Palette.width(caption(), Palette.label()));
        }

        /** The size of the map, e.g. "4x4", and the value of a 1x1 map whose cell is too small to hold it. */
        String caption() {
            boolean singleValueNotShown = plane.height() == 1 && plane.width() == 1 && !showValues;
            return plane.size() + (singleValueNotShown ? " = " + format(plane.get(0, 0, 0, 0)) : "");
        }

        /**
         * The map as XChart heat data: one {@code {x, y, value}} per cell. XChart counts x from the left and
         * y from the bottom, so cell {@code (row, column)} is {@code x = column, y = height - 1 - row}. A
         * zero left blank is a {@code null} entry: XChart then draws no cell and no number there, and the
         * plot background, which has zero's colour, shows through.
         */
        List<Number[]> heatData() {
            int height = plane.height();
            List<Number[]> cells = new ArrayList<>(height * plane.width());
            for (int row = 0; row < height; row++) {
                for (int column = 0; column < plane.width(); column++) {
                    double value = plane.get(0, 0, row, column);
                    cells.add(blankZeros && value == 0 ? null : new Number[] {column, height - 1 - row, value});
                }
            }
            return cells;
        }
    }

    /**
     * The panels of {@code planes} side by side with the largest cell size, up to {@value #MAX_CELL}
     * pixels, at which the row fits. Where the titles alone make the row too wide, smaller cells would not
     * help: the cells shrink only until the grids are no wider than the titles, and the picture as a whole
     * is shrunk to fit instead. A map that is mostly zeros leaves its zeros blank; in the others a 0 is a
     * value like any other and is written.
     */
    static List<Panel> layout(List<String> titles, List<FeatureMap> planes) {
        int longestSide = 1;
        for (FeatureMap plane : planes) {
            longestSide = Math.max(longestSide, Math.max(plane.height(), plane.width()));
        }
        int widestRow = Math.max(Palette.px(MAX_ROW_WIDTH), rowWidth(layout(titles, planes, MIN_CELL)));
        int largestCell = Math.max(MIN_CELL, Math.min(Palette.px(MAX_CELL), Palette.px(MAX_GRID_SIDE) / longestSide));
        for (int cell = largestCell; ; cell--) {
            List<Panel> panels = layout(titles, planes, cell);
            if (cell <= MIN_CELL || rowWidth(panels) <= widestRow) {
                return panels;
            }
        }
    }

    /** About how wide the row of panels will be: each grid or its title, whichever is wider, and the frames. */
    private static int rowWidth(List<Panel> panels) {
        int width = Palette.px(COLOUR_BAR);
        for (Panel panel : panels) {
            width += Math.max(panel.gridWidth(), panel.textWidth()) + Palette.px(CHART_FRAME);
        }
        return width;
    }

    private static List<Panel> layout(List<String> titles, List<FeatureMap> planes, int cell) {
        boolean showValues = cell >= Palette.px(VALUES_FROM_CELL);
        List<Panel> panels = new ArrayList<>(planes.size());
        for (int i = 0; i < planes.size(); i++) {
            boolean blankZeros = showValues && mostlyZeros(planes.get(i));
            panels.add(new Panel(titles.get(i), planes.get(i), cell, showValues, blankZeros));
        }
        return panels;
    }

    /** At least half of the cells are 0 (as in a ReLU's output): writing every 0 would hide the rest. */
    static boolean mostlyZeros(FeatureMap plane) {
        int zeros = 0;
        for (float value : plane.toFloatArray()) {
            if (value == 0) {
                zeros++;
            }
        }
        return 2 * zeros >= plane.height() * plane.width();
    }

    /**
     * The panels in one row, with one colour bar from {@code min} to {@code max} on the right; shrunk as a
     * whole where that would not fit a slide (at a {@link Plots#scale} above 1, or when even the smallest
     * cells leave too many maps too wide).
     */
    static BufferedImage draw(List<Panel> panels, double min, double max) {
        return Palette.fitSlide(row(charts(panels, min, max)));
    }

    /** One chart per panel, each sized so that its plot area is its grid, then the colour bar. */
    static List<FittedHeatMapChart> charts(List<Panel> panels, double min, double max) {
        Font valueFont = valueFont(panels);
        List<FittedHeatMapChart> charts = new ArrayList<>(panels.size() + 1);
        for (Panel panel : panels) {
            charts.add(chart(panel, min, max, valueFont));
        }
        int tallestGrid = panels.stream().mapToInt(Panel::gridHeight).max().orElseThrow();
        int barHeight = Math.max(Palette.px(MIN_BAR_HEIGHT), Math.min(Palette.px(MAX_BAR_HEIGHT), tallestGrid));
        charts.add(colourBar(min, max, barHeight, blankNote(panels)));
        return charts;
    }

    /** Said once, under the colour bar, when the maps leave their zeros blank. */
    static String blankNote(List<Panel> panels) {
        return panels.stream().anyMatch(Panel::blankZeros) ? "blank = 0" : "";
    }

    static FittedHeatMapChart chart(Panel panel, double min, double max, Font valueFont) {
        FittedHeatMapChart chart = new FittedHeatMapChart(new HeatMapChartBuilder()
                .width(panel.gridWidth() + 100).height(panel.gridHeight() + 100)
                .title(panel.title()).xAxisTitle(panel.caption()));
        HeatMapStyler styler = chart.getStyler();
        style(styler, min, max);
        styler.setChartPadding(Palette.px(CHART_PADDING) + roomForText(panel.gridWidth(), panel.textWidth()));
        styler.setShowValue(panel.showValues());
        styler.setValueFont(valueFont);
        styler.setAxisTicksVisible(panel.showIndices());
        if (panel.blankZeros()) {
            styler.setPlotBackgroundColor(colour(0, min, max));
        }
        chart.addSeries(panel.title(), numbersUp(panel.plane().width()), numbersDown(panel.plane().height()),
                panel.heatData());
        chart.fitGrid(panel.gridWidth(), panel.gridHeight());
        return chart;
    }

    /**
     * The colour scale as a one-column heat map from {@code min} (bottom) to {@code max} (top), labelled
     * at both ends on the right, with {@code note} under it.
     */
    static FittedHeatMapChart colourBar(double min, double max, int height, String note) {
        int bands = height / 2;
        int barWidth = Palette.px(BAR_WIDTH);
        FittedHeatMapChart chart = new FittedHeatMapChart(new HeatMapChartBuilder()
                .width(barWidth + 100).height(height + 100).xAxisTitle(note));
        HeatMapStyler styler = chart.getStyler();
        style(styler, min, max);
        styler.setChartPadding(Palette.px(CHART_PADDING) + roomForText(barWidth, Palette.width(note, Palette.label())));
        styler.setXAxisTicksVisible(false);
        styler.setYAxisGroupPosition(0, Styler.YAxisPosition.Right);
        List<String> labels = new ArrayList<>(bands);
        List<Number[]> scale = new ArrayList<>(bands);
        for (int band = 0; band < bands; band++) {
            // TextLayout refuses empty text, so the unlabelled bands are labelled with a space.
            labels.add(band == 0 ? format(min) : band == bands - 1 ? format(max) : " ");
            scale.add(new Number[] {0, band, min + (max - min) * band / (bands - 1)});
        }
        chart.addSeries("colour scale", List.of(" "), labels, scale);
        chart.fitGrid(barWidth, 2 * bands);
        return chart;
    }

    private static void style(HeatMapStyler styler, double min, double max) {
        styler.setRangeColors(Palette.HEAT);
        styler.setMin(min);
        styler.setMax(max);
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setChartFontColor(Palette.TEXT);
        styler.setChartTitleFont(Palette.title());
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitlePadding(Palette.px(8));
        styler.setAxisTitleFont(Palette.label());
        styler.setXAxisTitleColor(Palette.MUTED_TEXT);
        styler.setAxisTickLabelsFont(Palette.label());
        styler.setAxisTickLabelsColor(Palette.MUTED_TEXT);
        styler.setAxisTicksLineVisible(false);
        styler.setAxisTicksMarksVisible(false);
        styler.setValueFontColor(Palette.TEXT);
        styler.setHeatMapValueDecimalPattern("0.###");
        // Each cell is outlined in its own colour, so no light seam shows where two cells meet.
        styler.setDrawBorder(true);
    }

    /**
     * Extra chart padding that keeps texts wider than the grid inside the chart (XChart centres them on
     * the grid). It is needed left and right only: {@link #row} crops it above and below.
     */
    private static int roomForText(int gridWidth, int textWidth) {
        return Math.max(0, (textWidth - gridWidth + 1) / 2);
    }

    /** The bold font for the values in the cells: as large as fits the widest value in one cell. */
    static Font valueFont(List<Panel> panels) {
        int cell = panels.get(0).cell();
        if (!panels.get(0).showValues()) {
            return Palette.value();
        }
        Set<String> texts = new HashSet<>();
        for (Panel panel : panels) {
            for (float value : panel.plane().toFloatArray()) {
                texts.add(format(value));
            }
        }
        Font value = Palette.value();
        String widest = texts.stream().max(Comparator.comparingInt(text -> Palette.width(text, value)))
                .orElseThrow();
        return Palette.cellFont(widest, cell);
    }

    /**
     * The charts side by side, the top edges of their plot areas (and so their titles) on one line. Padding
     * added for room beside a grid ({@link #roomForText}) is only white space, so it is cropped above and
     * below.
     */
    static BufferedImage row(List<FittedHeatMapChart> charts) {
        int count = charts.size();
        int[] plotTop = new int[count];
        int[] extraPadding = new int[count];
        int top = 0;
        for (int i = 0; i < count; i++) {
            plotTop[i] = (int) Math.round(charts.get(i).plotArea().getY());
            extraPadding[i] = charts.get(i).getStyler().getChartPadding() - Palette.px(CHART_PADDING);
            top = Math.max(top, plotTop[i] - extraPadding[i]);
        }
        int height = 0;
        for (int i = 0; i < count; i++) {
            height = Math.max(height, top - plotTop[i] + charts.get(i).getHeight() - extraPadding[i]);
        }
        BufferedImage image = new BufferedImage(chartsWidth(charts), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(image);
        try {
            int x = 0;
            for (int i = 0; i < count; i++) {
                FittedHeatMapChart chart = charts.get(i);
                g.drawImage(BitmapEncoder.getBufferedImage(chart), x, top - plotTop[i], null);
                x += chart.getWidth() + Palette.px(GAP);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int chartsWidth(List<FittedHeatMapChart> charts) {
        return charts.stream().mapToInt(FittedHeatMapChart::getWidth).sum() + Palette.px(GAP) * (charts.size() - 1);
    }

    /** 0, 1, ..., width - 1 as axis labels, left to right. */
    private static List<String> numbersUp(int width) {
        List<String> labels = new ArrayList<>(width);
        for (int column = 0; column < width; column++) {
            labels.add(String.valueOf(column));
        }
        return labels;
    }

    /** height - 1, ..., 1, 0 as axis labels, bottom to top, so row 0 is at the top. */
    private static List<String> numbersDown(int height) {
        List<String> labels = new ArrayList<>(height);
        for (int row = height - 1; row >= 0; row--) {
            labels.add(String.valueOf(row));
        }
        return labels;
    }

    /**
     * The colour XChart gives {@code value} on a scale from {@code min} (lightest) to {@code max}
     * (darkest): the same steps as its heat-map plot, so a blank zero looks like a drawn one.
     */
    static Color colour(double value, double min, double max) {
        Color[] heat = Palette.HEAT;
        if (value <= min) {
            return heat[0];
        }
        if (value >= max) {
            return heat[heat.length - 1];
        }
        double t = (value - min) / (max - min) * (heat.length - 1);
        int band = (int) t;
        double f = t - band;
        Color from = heat[band];
        Color to = heat[band + 1];
        return new Color((int) (from.getRed() + f * (to.getRed() - from.getRed())),
                (int) (from.getGreen() + f * (to.getGreen() - from.getGreen())),
                (int) (from.getBlue() + f * (to.getBlue() - from.getBlue())));
    }

    /** Whole numbers without decimals, others with up to three, e.g. 6, 3.625, 1.556, -∞. */
    static String format(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : "\u2212\u221e";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
