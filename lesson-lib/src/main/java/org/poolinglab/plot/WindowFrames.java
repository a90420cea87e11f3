package org.poolinglab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Size;
import org.poolinglab.WindowCell;
import org.poolinglab.WindowStep;

/**
 * Draws one picture per window position: the input (with its padding ring) and the window outlined on
 * it, the cells that make the value highlighted, and the output filling up cell by cell.
 */
final class WindowFrames {

    private static final int MARGIN = 24;
    private static final int GAP = 90;
    private static final int HEADER = 78;
    private static final int FOOTER = 44;

    private final FeatureMap input;
    private final List<WindowStep> steps;
    private final String description;
    private final int[] padding;
    private final Size output;
    private final int cell;

    WindowFrames(FeatureMap input, List<WindowStep> steps, PoolSpec spec, PoolType type) {
        this.input = input;
        this.steps = steps;
        this.description = spec.describe(type);
        this.padding = spec.padding(input.size());
        this.output = spec.outputShape(input.height(), input.width());
        int longestSide = Math.max(input.height() + padding[0] + padding[2], input.width() + padding[1] + padding[3]);
        this.cell = Math.max(26, Math.min(52, 320 / longestSide));
    }

    List<BufferedImage> draw() {
        List<BufferedImage> frames = new ArrayList<>(steps.size());
        for (WindowStep step : steps) {
            frames.add(frame(step));
        }
        return frames;
    }

    int count() {
        return steps.size();
    }

    /** The frame of step {@code number} (1 for the first). */
    BufferedImage draw(int number) {
        return frame(steps.get(number - 1));
    }

    private BufferedImage frame(WindowStep step) {
        int inputRows = input.height() + padding[0] + padding[2];
        int inputCols = input.width() + padding[1] + padding[3];
        int gridsHeight = Math.max(inputRows, output.height()) * cell + 26;
        int width = Math.max(2 * MARGIN + (inputCols + output.width()) * cell + GAP, 560);
        BufferedImage image = new BufferedImage(width, HEADER + gridsHeight + FOOTER, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(image);
        try {
            g.setColor(Palette.TEXT);
            g.setFont(Palette.TITLE);
            g.drawString("Step " + step.number() + " of " + steps.size() + ": " + description, MARGIN, 30);
            g.setFont(Palette.SUBTITLE);
            g.drawString(arithmetic(step) + "   \u2192   output[" + step.outputRow() + ", " + step.outputColumn() + "]",
                    MARGIN, 58);

            int top = HEADER + 22;
            int inputLeft = MARGIN;
            int outputLeft = MARGIN + inputCols * cell + GAP;
            drawInput(g, step, inputLeft, top);
            drawArrow(g, MARGIN + inputCols * cell + 18, outputLeft - 18, top + Math.min(inputRows, output.height()) * cell / 2);
            drawOutput(g, step, outputLeft, top);
            drawLegend(g, legend(step), MARGIN, HEADER + gridsHeight + 26);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** E.g. "max(1, 3, 4, 6) = 6" or "(1 + 3 + 4 + 6) / 4 = 3.5". */
    private static String arithmetic(WindowStep step) {
        List<WindowCell> shown = step.type() == PoolType.MAX ? step.cells() : step.contributors();
        String values = shown.stream().map(c -> HeatMaps.format(c.value()))
                .collect(Collectors.joining(step.type() == PoolType.MAX ? ", " : " + "));
        if (shown.size() > 9) {
            values = (step.type() == PoolType.MAX ? "" : "sum of ") + shown.size() + " cells";
        }
        return step.type() == PoolType.MAX
                ? "max(" + values + ") = " + HeatMaps.format(step.value())
                : "(" + values + ") / " + step.divisor() + " = " + HeatMaps.format(step.value());
    }

    private void drawInput(Graphics2D g, WindowStep step, int left, int top) {
        caption(g, "input " + input.height() + "x" + input.width() + (hasPadding() ? " with padding" : ""),
                left, top - 8);
        for (int row = -padding[0]; row < input.height() + padding[2]; row++) {
            for (int col = -padding[1]; col < input.width() + padding[3]; col++) {
                boolean isPadding = row < 0 || col < 0 || row >= input.height() || col >= input.width();
                int x = left + (col + padding[1]) * cell;
                int y = top + (row + padding[0]) * cell;
                Color fill = isPadding ? Palette.PADDING : Palette.CELL;
                if (isContributor(step, row, col)) {
                    fill = step.type() == PoolType.MAX ? Palette.CHOSEN : Palette.AVERAGED;
                }
                String text = isPadding
                        ? (step.type() == PoolType.MAX ? "\u2212\u221e" : "0")
                        : HeatMaps.format(input.get(0, 0, row, col));
                box(g, x, y, fill, text, isPadding ? Palette.MUTED_TEXT : Palette.TEXT);
            }
        }
        outlineWindow(g, step, left, top);
    }

    private boolean isContributor(WindowStep step, int row, int col) {
        return step.contributors().stream().anyMatch(c -> c.row() == row && c.column() == col);
    }

    /** A thick outline around each cell the window reads (one rectangle when the cells touch). */
    private void outlineWindow(Graphics2D g, WindowStep step, int left, int top) {
        g.setColor(Palette.WINDOW);
        g.setStroke(Palette.THICK);
        int firstRow = Integer.MAX_VALUE;
        int lastRow = Integer.MIN_VALUE;
        int firstCol = Integer.MAX_VALUE;
        int lastCol = Integer.MIN_VALUE;
        for (WindowCell c : step.cells()) {
            firstRow = Math.min(firstRow, c.row());
            lastRow = Math.max(lastRow, c.row());
            firstCol = Math.min(firstCol, c.column());
            lastCol = Math.max(lastCol, c.column());
        }
        boolean contiguous = (lastRow - firstRow + 1) * (lastCol - firstCol + 1) == step.cells().size();
        if (contiguous) {
            g.drawRect(left + (firstCol + padding[1]) * cell, top + (firstRow + padding[0]) * cell,
                    (lastCol - firstCol + 1) * cell, (lastRow - firstRow + 1) * cell);
        } else {
            for (WindowCell c : step.cells()) {
                g.drawRect(left + (c.column() + padding[1]) * cell + 2, top + (c.row() + padding[0]) * cell + 2,
                        cell - 4, cell - 4);
            }
        }
        g.setStroke(Palette.THIN);
    }

    private void drawOutput(Graphics2D g, WindowStep current, int left, int top) {
        caption(g, "output " + output.height() + "x" + output.width(), left, top - 8);
        for (WindowStep step : steps) {
            int x = left + step.outputColumn() * cell;
            int y = top + step.outputRow() * cell;
            if (step.number() < current.number()) {
                box(g, x, y, Palette.DONE, HeatMaps.format(step.value()), Palette.TEXT);
            } else if (step.number() == current.number()) {
                box(g, x, y, current.type() == PoolType.MAX ? Palette.CHOSEN : Palette.AVERAGED,
                        HeatMaps.format(step.value()), Palette.TEXT);
            } else {
                box(g, x, y, Palette.BACKGROUND, "", Palette.TEXT);
            }
        }
        g.setColor(Palette.WINDOW);
        g.setStroke(Palette.THICK);
        g.drawRect(left + current.outputColumn() * cell, top + current.outputRow() * cell, cell, cell);
        g.setStroke(Palette.THIN);
    }

    private void box(Graphics2D g, int x, int y, Color fill, String text, Color textColor) {
        g.setColor(fill);
        g.fillRect(x, y, cell, cell);
        g.setColor(Palette.GRID);
        g.drawRect(x, y, cell, cell);
        g.setColor(textColor);
        Palette.centredInCell(g, text, x, y, cell);
    }

    private static void caption(Graphics2D g, String text, int x, int y) {
        g.setColor(Palette.MUTED_TEXT);
        g.setFont(Palette.LABEL);
        g.drawString(text, x, y);
    }

    private static void drawArrow(Graphics2D g, int fromX, int toX, int y) {
        g.setColor(Palette.MUTED_TEXT);
        g.setStroke(new java.awt.BasicStroke(3f));
        g.drawLine(fromX, y, toX - 4, y);
        g.fillPolygon(new int[] {toX, toX - 14, toX - 14}, new int[] {y, y - 8, y + 8}, 3);
        g.setStroke(Palette.THIN);
    }

    /** One entry of a frame's legend: a colour (filled, or drawn as an outline) and what it marks. */
    record LegendEntry(Color color, boolean outline, String label) {
    }

    /** What this frame shows, and nothing else: padding only with padding, filled output from step 2 on. */
    List<LegendEntry> legend(WindowStep step) {
        List<LegendEntry> entries = new ArrayList<>();
        entries.add(new LegendEntry(Palette.WINDOW, true, "window"));
        entries.add(step.type() == PoolType.MAX
                ? new LegendEntry(Palette.CHOSEN, false, "the maximum")
                : new LegendEntry(Palette.AVERAGED, false, "cells averaged"));
        if (hasPadding()) {
            entries.add(new LegendEntry(Palette.PADDING, false,
                    step.type() == PoolType.MAX ? "padding (\u2212\u221e)" : "padding (0)"));
        }
        if (step.number() > 1) {
            entries.add(new LegendEntry(Palette.DONE, false, "output filled so far"));
        }
        return entries;
    }

    private boolean hasPadding() {
        return padding[0] + padding[1] + padding[2] + padding[3] > 0;
    }

    private static void drawLegend(Graphics2D g, List<LegendEntry> entries, int x, int y) {
        for (LegendEntry entry : entries) {
            x = legendItem(g, x, y, entry.color(), entry.outline(), entry.label());
        }
    }

    private static int legendItem(Graphics2D g, int x, int y, Color color, boolean outline, String label) {
        g.setColor(color);
        if (outline) {
            g.setStroke(Palette.THICK);
            g.drawRect(x + 2, y - 12, 14, 14);
            g.setStroke(Palette.THIN);
        } else {
            g.fillRect(x, y - 14, 18, 18);
            g.setColor(Palette.GRID);
            g.drawRect(x, y - 14, 18, 18);
        }
        g.setColor(Palette.TEXT);
        g.setFont(Palette.LABEL);
        g.drawString(label, x + 26, y);
        return x + 26 + Palette.width(label, Palette.LABEL) + 22;
    }
}
