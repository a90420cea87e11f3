package org.poolinglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poolinglab.FeatureMap;

/**
 * Draws feature maps as heat maps: one coloured square per cell, row 0 at the top, like the printed
 * grid. Maps drawn together share one cell size and one colour scale, so a smaller map looks smaller
 * and equal values look equal.
 */
final class HeatMaps {

    /** Cells at least this many pixels wide get their value written in them. */
    static final int VALUES_FROM_CELL = 24;
    /** Cells at least this many pixels wide get row and column numbers along the edges. */
    static final int INDICES_FROM_CELL = 16;
    static final int MIN_CELL = 3;
    static final int MAX_CELL = 56;
    /** The longest side of the largest map is drawn at most this many pixels long. */
    static final int MAX_GRID_SIDE = 420;
    /** A row of maps is at most about this many pixels wide (longer titles aside), so it fits a slide. */
    static final int MAX_ROW_WIDTH = 1100;

    private static final int GAP = 40;
    private static final int TITLE_BASELINE = 24;
    private static final int CAPTION_BASELINE = 46;
    private static final int GRID_TOP = 60;
    private static final int INDEX_HEIGHT = 18;
    private static final int MARGIN = 12;
    private static final int BAR_WIDTH = 16;
    /** About the width of the row numbers left of a grid, and of the colour bar with its labels. */
    private static final int INDEX_COLUMN = 24;
    private static final int COLOUR_BAR = 60;

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
            return cell >= INDICES_FROM_CELL;
        }

        /** The size of the map, e.g. "4x4". */
        String caption() {
            return plane.size().toString();
        }

        /** The text written in cell {@code (row, column)}, or "" for none. */
        String text(int row, int column) {
            float value = plane.get(0, 0, row, column);
            if (!showValues || (blankZeros && value == 0)) {
                return "";
            }
            return format(value);
        }
    }

    /**
     * The panels of {@code planes} drawn side by side with one cell size that makes the row fit. When one
     * of them is mostly zeros, every panel leaves its zeros blank, so the maps read alike.
     */
    static List<Panel> layout(List<String> titles, List<FeatureMap> planes) {
        int cell = cellSize(planes);
        boolean showValues = cell >= VALUES_FROM_CELL;
        boolean blankZeros = showValues && planes.stream().anyMatch(HeatMaps::mostlyZeros);
        List<Panel> panels = new ArrayList<>(planes.size());
        for (int i = 0; i < planes.size(); i++) {
            panels.add(new Panel(titles.get(i), planes.get(i), cell, showValues, blankZeros));
        }
        return panels;
    }

    /** The largest cell size, up to {@value #MAX_CELL} pixels, at which the whole row fits. */
    static int cellSize(List<FeatureMap> planes) {
        int longestSide = 1;
        int columns = 0;
        for (FeatureMap plane : planes) {
            longestSide = Math.max(longestSide, Math.max(plane.height(), plane.width()));
            columns += plane.width();
        }
        int byLongestSide = MAX_GRID_SIDE / longestSide;
        int overheads = (GAP + INDEX_COLUMN) * planes.size() + COLOUR_BAR;
        int byRowWidth = Math.max(0, MAX_ROW_WIDTH - overheads) / columns;
        return Math.max(MIN_CELL, Math.min(MAX_CELL, Math.min(byLongestSide, byRowWidth)));
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

    /** The panels in one row, with one colour bar from {@code min} to {@code max} on the right. */
    static BufferedImage draw(List<Panel> panels, double min, double max) {
        int gridTop = GRID_TOP + (panels.get(0).showIndices() ? INDEX_HEIGHT : 0);
        int gridsHeight = panels.stream().mapToInt(Panel::gridHeight).max().orElseThrow();
        int barHeight = Math.max(100, Math.min(240, gridsHeight));
        String[] barLabels = {format(max), format(min), blankNote(panels)};
        int barLabelWidth = 0;
        for (String label : barLabels) {
            barLabelWidth = Math.max(barLabelWidth, Palette.width(label, Palette.LABEL));
        }

        int width = MARGIN;
        for (Panel panel : panels) {
            width += panelWidth(panel) + GAP;
        }
        width += BAR_WIDTH + 8 + barLabelWidth + MARGIN;
        int height = gridTop + Math.max(gridsHeight, barHeight + (barLabels[2].isEmpty() ? 0 : 24)) + MARGIN;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(image);
        try {
            int x = MARGIN;
            for (Panel panel : panels) {
                drawPanel(g, panel, x, gridTop, min, max);
                x += panelWidth(panel) + GAP;
            }
            drawColourBar(g, x, gridTop, barHeight, barLabels);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Said once, under the colour bar, when some map leaves its zeros blank. */
    static String blankNote(List<Panel> panels) {
        return panels.stream().anyMatch(Panel::blankZeros) ? "blank = 0" : "";
    }

    private static int indexColumnWidth(Panel panel) {
        return panel.showIndices() ? Palette.width(String.valueOf(panel.plane().height() - 1), Palette.LABEL) + 8 : 0;
    }

    private static int panelWidth(Panel panel) {
        return Math.max(indexColumnWidth(panel) + panel.gridWidth(),
                Math.max(Palette.width(panel.title(), Palette.TITLE), Palette.width(panel.caption(), Palette.LABEL)));
    }

    private static void drawPanel(Graphics2D g, Panel panel, int x, int gridTop, double min, double max) {
        g.setColor(Palette.TEXT);
        g.setFont(Palette.TITLE);
        g.drawString(panel.title(), x, TITLE_BASELINE);
        g.setColor(Palette.MUTED_TEXT);
        g.setFont(Palette.LABEL);
        g.drawString(panel.caption(), x, CAPTION_BASELINE);

        int left = x + indexColumnWidth(panel);
        int cell = panel.cell();
        FeatureMap plane = panel.plane();
        if (panel.showIndices()) {
            for (int column = 0; column < plane.width(); column++) {
                Palette.centred(g, String.valueOf(column), left + column * cell + cell / 2, gridTop - 6);
            }
            for (int row = 0; row < plane.height(); row++) {
                String label = String.valueOf(row);
                g.drawString(label, left - 6 - Palette.width(label, Palette.LABEL), gridTop + row * cell + cell / 2 + 5);
            }
        }
        for (int row = 0; row < plane.height(); row++) {
            for (int column = 0; column < plane.width(); column++) {
                int cellX = left + column * cell;
                int cellY = gridTop + row * cell;
                g.setColor(colour(plane.get(0, 0, row, column), min, max));
                g.fillRect(cellX, cellY, cell, cell);
                if (cell >= 12) {
                    g.setColor(Palette.BACKGROUND);
                    g.drawRect(cellX, cellY, cell, cell);
                }
                String text = panel.text(row, column);
                if (!text.isEmpty()) {
                    g.setColor(Palette.TEXT);
                    Palette.centredInCell(g, text, cellX, cellY, cell);
                }
            }
        }
        g.setColor(Palette.GRID);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, gridTop, panel.gridWidth(), panel.gridHeight());
    }

    private static void drawColourBar(Graphics2D g, int x, int top, int height, String[] labels) {
        Color[] heat = Palette.HEAT;
        int bands = heat.length - 1;
        for (int i = 0; i < bands; i++) {
            int bandTop = top + height * (bands - 1 - i) / bands;
            int bandBottom = top + height * (bands - i) / bands;
            g.setPaint(new GradientPaint(0, bandBottom, heat[i], 0, bandTop, heat[i + 1]));
            g.fillRect(x, bandTop, BAR_WIDTH, bandBottom - bandTop);
        }
        g.setColor(Palette.GRID);
        g.drawRect(x, top, BAR_WIDTH, height);
        g.setColor(Palette.TEXT);
        g.setFont(Palette.LABEL);
        g.drawString(labels[0], x + BAR_WIDTH + 8, top + 10);
        g.drawString(labels[1], x + BAR_WIDTH + 8, top + height);
        g.setColor(Palette.MUTED_TEXT);
        g.drawString(labels[2], x, top + height + 22);
    }

    /** The colour of {@code value} on a scale from {@code min} (lightest) to {@code max} (darkest). */
    static Color colour(double value, double min, double max) {
        Color[] heat = Palette.HEAT;
        if (Double.isNaN(value)) {
            return Palette.GRID;
        }
        double t = max > min ? (value - min) / (max - min) : 0;
        t = Math.max(0, Math.min(1, t)) * (heat.length - 1);
        int band = Math.min((int) t, heat.length - 2);
        double f = t - band;
        Color from = heat[band];
        Color to = heat[band + 1];
        return new Color((int) Math.round(from.getRed() + f * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + f * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + f * (to.getBlue() - from.getBlue())));
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
