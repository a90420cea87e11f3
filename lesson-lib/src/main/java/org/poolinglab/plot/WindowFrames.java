package org.poolinglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
 * it, the cells that make the value highlighted, and the output filling up cell by cell. Lengths below
 * are at normal size: {@link Plots#scale} makes every one of them larger by the same factor.
 */
final class WindowFrames {

    private static final int MARGIN = 24;
    private static final int GAP = 90;
    private static final int HEADER = 78;
    private static final int FOOTER = 44;
    /** Room between the grids and the legend, for the grids' captions. */
    private static final int CAPTIONS = 26;
    private static final int MIN_WIDTH = 560;
    /** A cell's side: at least {@value #MIN_CELL}, at most {@value #MAX_CELL}, the input at most {@value #MAX_INPUT_SIDE}. */
    private static final int MIN_CELL = 26;
    private static final int MAX_CELL = 52;
    private static final int MAX_INPUT_SIDE = 320;

    private final FeatureMap input;
    private final List<WindowStep> steps;
    private final String description;
    private final int[] padding;
    private final Size output;
    private final double scale;
    private final int cell;

    WindowFrames(FeatureMap input, List<WindowStep> steps, PoolSpec spec, PoolType type) {
        this.input = input;
        this.steps = steps;
        this.description = spec.describe(type);
        this.padding = spec.padding(input.size());
        this.output = spec.outputShape(input.height(), input.width());
        this.scale = Palette.scale();
        this.cell = cellSize();
    }

    private int cellSize() {
        int longestSide = Math.max(inputRows(), inputColumns());
        return Math.max(px(MIN_CELL), Math.min(px(MAX_CELL), px(MAX_INPUT_SIDE) / longestSide));
    }

    private int inputRows() {
        return input.height() + padding[0] + padding[2];
    }

    private int inputColumns() {
        return input.width() + padding[1] + padding[3];
    }

    /** The scale ({@link Plots#scale}) at which the cells were sized; frames are drawn at the scale of the moment. */
    double scale() {
        return scale;
    }

    /** The side of a cell in pixels. */
    int cell() {
        return cell;
    }

    private static int px(double pixels) {
        return Palette.px(pixels);
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
    DescribedImage draw(int number) {
        return frame(steps.get(number - 1));
    }

    private DescribedImage frame(WindowStep step) {
        int margin = px(MARGIN);
        int gridsHeight = Math.max(inputRows(), output.height()) * cell + px(CAPTIONS);
        int width = Math.max(2 * margin + (inputColumns() + output.width()) * cell + px(GAP), px(MIN_WIDTH));
        int header = px(HEADER);
        BufferedImage image = new BufferedImage(width, header + gridsHeight + px(FOOTER), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(image);
        try {
            g.setColor(Palette.TEXT);
            g.setFont(Palette.title());
            g.drawString("Step " + step.number() + " of " + steps.size() + ": " + description, margin, px(30));
            g.setFont(Palette.subtitle());
            g.drawString(arithmetic(step) + "   \u2192   output[" + step.outputRow() + ", " + step.outputColumn() + "]",
                    margin, px(58));

            int top = header + px(22);
            int outputLeft = margin + inputColumns() * cell + px(GAP);
            drawInput(g, step, margin, top);
            drawArrow(g, margin + inputColumns() * cell + px(18), outputLeft - px(18),
                    top + Math.min(inputRows(), output.height()) * cell / 2);
            drawOutput(g, step, outputLeft, top);
            drawLegend(g, legend(step), margin, header + gridsHeight + px(26));
        } finally {
            g.dispose();
        }
        return new DescribedImage(Palette.fitSlide(image),
                Descriptions.step(step, steps.size(), description, input, arithmetic(step)));
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
                left, top - px(8));
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
                if (isContributor(step, row, col)) {
                    ring(g, x, y, cell);
                }
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
        g.setStroke(Palette.thick());
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
            int inset = px(2);
            for (WindowCell c : step.cells()) {
                g.drawRect(left + (c.column() + padding[1]) * cell + inset, top + (c.row() + padding[0]) * cell + inset,
                        cell - 2 * inset, cell - 2 * inset);
            }
        }
        g.setStroke(Palette.thin());
    }

    private void drawOutput(Graphics2D g, WindowStep current, int left, int top) {
        caption(g, "output " + output.height() + "x" + output.width(), left, top - px(8));
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
        g.setStroke(Palette.thick());
        g.drawRect(left + current.outputColumn() * cell, top + current.outputRow() * cell, cell, cell);
        g.setStroke(Palette.thin());
    }

    /**
     * A dark ring inside a cell: marks the cells that make the value (the maximum, or the cells averaged), so
     * that they stand out by shape as well as by colour, also in grey or for colour-blind eyes.
     */
    private static void ring(Graphics2D g, int x, int y, int side) {
        int inset = Math.max(px(3), side / 10);
        g.setColor(Palette.RING);
        g.setStroke(new BasicStroke(2 * (float) Palette.scale()));
        g.drawOval(x + inset, y + inset, side - 2 * inset, side - 2 * inset);
        g.setStroke(Palette.thin());
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
        g.setFont(Palette.label());
        g.drawString(text, x, y);
    }

    private static void drawArrow(Graphics2D g, int fromX, int toX, int y) {
        g.setColor(Palette.MUTED_TEXT);
        g.setStroke(new BasicStroke(3 * (float) Palette.scale()));
        g.drawLine(fromX, y, toX - px(4), y);
        g.fillPolygon(new int[] {toX, toX - px(14), toX - px(14)}, new int[] {y, y - px(8), y + px(8)}, 3);
        g.setStroke(Palette.thin());
    }

    /**
     * One entry of a frame's legend: a colour (filled, or drawn as an outline), whether it has the ring that
     * marks the cells making the value, and what it marks.
     */
    record LegendEntry(Color color, boolean outline, boolean ringed, String label) {

        LegendEntry(Color color, boolean outline, String label) {
            this(color, outline, false, label);
        }
    }

    /** What this frame shows, and nothing else: padding only with padding, filled output from step 2 on. */
    List<LegendEntry> legend(WindowStep step) {
        List<LegendEntry> entries = new ArrayList<>();
        entries.add(new LegendEntry(Palette.WINDOW, true, "window"));
        entries.add(step.type() == PoolType.MAX
                ? new LegendEntry(Palette.CHOSEN, false, true, "the maximum")
                : new LegendEntry(Palette.AVERAGED, false, true, "cells averaged"));
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
            x = legendItem(g, x, y, entry);
        }
    }

    private static int legendItem(Graphics2D g, int x, int y, LegendEntry entry) {
        String label = entry.label();
        g.setColor(entry.color());
        if (entry.outline()) {
            g.setStroke(Palette.thick());
            g.drawRect(x + px(2), y - px(12), px(14), px(14));
            g.setStroke(Palette.thin());
        } else {
            g.fillRect(x, y - px(14), px(18), px(18));
            g.setColor(Palette.GRID);
            g.drawRect(x, y - px(14), px(18), px(18));
        }
        if (entry.ringed()) {
            ring(g, x, y - px(14), px(18));
        }
        g.setColor(Palette.TEXT);
        Font font = Palette.label();
        g.setFont(font);
        g.drawString(label, x + px(26), y);
        return x + px(26) + Palette.width(label, font) + px(22);
    }
}
