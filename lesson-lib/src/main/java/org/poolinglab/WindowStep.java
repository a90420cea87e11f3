package org.poolinglab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One position of the sliding window, for teaching: the lesson's steps 2 to 4 made visible.
 * The window at {@code (top, left)} covers {@link #cells()} (row by row, padding included), the
 * operation turns them into {@link #value()}, and the value is written to output cell
 * {@code (outputRow, outputColumn)}. {@link #contributors()} are the cells that made the value: the
 * chosen maximum, or every cell the average divides among.
 *
 * @param number       1 for the first window, in the order the output is filled (row by row)
 * @param type         max or average
 * @param outputRow    the output row this window fills
 * @param outputColumn the output column this window fills
 * @param top          the window's first row in the input (negative when it starts in the padding)
 * @param left         the window's first column in the input (negative when it starts in the padding)
 * @param cells        the cells read, row by row; with dilation, only the cells the window reads
 * @param contributors the cells the value comes from
 * @param divisor      what the sum of the contributors was divided by (average); 1 for max
 * @param value        the pooled value
 */
public record WindowStep(int number, PoolType type, int outputRow, int outputColumn, int top, int left,
                         List<WindowCell> cells, List<WindowCell> contributors, int divisor, float value) {

    public WindowStep {
        cells = List.copyOf(cells);
        contributors = List.copyOf(contributors);
    }

    /**
     * Works out the step for output cell {@code (oh, ow)} the plain way, cell by cell, independently of
     * the fast pooling loops (a test checks that both agree).
     */
    static WindowStep at(FeatureMap input, PoolSpec spec, PoolType type, Windows windows, int oh, int ow,
                         int number) {
        AxisWindows rows = windows.rows();
        AxisWindows cols = windows.cols();
        float paddingValue = type == PoolType.MAX ? Float.NEGATIVE_INFINITY : 0f;
        int[] pads = spec.paddingFor(input.height(), input.width());
        List<WindowCell> cells = new ArrayList<>();
        for (int i = 0; i < spec.window().height(); i++) {
            int row = rows.start[oh] + i * rows.step;
            for (int j = 0; j < spec.window().width(); j++) {
                int column = cols.start[ow] + j * cols.step;
                boolean inside = row >= 0 && row < input.height() && column >= 0 && column < input.width();
                if (inside) {
                    cells.add(new WindowCell(row, column, input.get(0, 0, row, column), false));
                } else if (isPadding(row, column, input, pads)) {
                    cells.add(new WindowCell(row, column, paddingValue, true));
                }
            }
        }
        return type == PoolType.MAX
                ? maxStep(number, oh, ow, rows.start[oh], cols.start[ow], cells)
                : averageStep(number, oh, ow, rows.start[oh], cols.start[ow], cells, spec);
    }

    /** Whether a cell outside the input lies in its padding ({@code pads}: top, left, bottom, right). */
    private static boolean isPadding(int row, int column, FeatureMap input, int[] pads) {
        return row >= -pads[0] && row < input.height() + pads[2]
                && column >= -pads[1] && column < input.width() + pads[3];
    }

    private static WindowStep maxStep(int number, int oh, int ow, int top, int left, List<WindowCell> cells) {
        WindowCell best = null;
        for (WindowCell cell : cells) {
            if (cell.padding()) {
                continue;
            }
            if (best == null || cell.value() > best.value() || Float.isNaN(cell.value())) {
                best = cell;
            }
        }
        float value = best == null ? Float.NEGATIVE_INFINITY : best.value();
        return new WindowStep(number, PoolType.MAX, oh, ow, top, left, cells,
                best == null ? List.of() : List.of(best), 1, value);
    }

    private static WindowStep averageStep(int number, int oh, int ow, int top, int left, List<WindowCell> cells,
                                          PoolSpec spec) {
        List<WindowCell> counted = cells.stream()
                .filter(cell -> spec.countIncludePad() || !cell.padding())
                .toList();
        double sum = 0;
        for (WindowCell cell : counted) {
            sum += cell.value();
        }
        int divisor = spec.divisorOverride().orElse(counted.size());
        return new WindowStep(number, PoolType.AVERAGE, oh, ow, top, left, cells, counted, divisor,
                (float) (sum / divisor));
    }

    /**
     * E.g. {@code "step 1: window rows 0..1, columns 0..1 [1 3 / 4 6] -> max 6 -> output[0, 0]"}.
     */
    @Override
    public String toString() {
        int bottom = cells.stream().mapToInt(WindowCell::row).max().orElse(top);
        int right = cells.stream().mapToInt(WindowCell::column).max().orElse(left);
        StringBuilder grid = new StringBuilder();
        int previousRow = Integer.MIN_VALUE;
        for (WindowCell cell : cells) {
            if (previousRow != Integer.MIN_VALUE) {
                grid.append(cell.row() == previousRow ? " " : " / ");
            }
            grid.append(cell.padding() ? "pad" : format(cell.value()));
            previousRow = cell.row();
        }
        String operation;
        if (type == PoolType.MAX) {
            operation = "max " + format(value);
        } else {
            String terms = contributors.stream().map(c -> format(c.value())).collect(Collectors.joining(" + "));
            operation = "average (" + terms + ") / " + divisor + " = " + format(value);
        }
        return "step " + number + ": window rows " + top + ".." + bottom + ", columns " + left + ".." + right
                + " [" + grid + "] -> " + operation + " -> output[" + outputRow + ", " + outputColumn + "]";
    }

    private static String format(float value) {
        if (value == Math.rint(value) && !Float.isInfinite(value)) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
    }
}
