package org.poolinglab.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.poolinglab.FeatureMap;

/** Builds XChart heat maps of feature maps: row 0 at the top, like the printed grid. */
final class HeatMaps {

    /** Maps with at most this many rows and columns get their values written in the cells. */
    static final int VALUES_UP_TO = 12;

    private HeatMaps() {
    }

    /**
     * A heat map of a single plane with the colour scale running from {@code min} to {@code max}.
     *
     * <p>XChart indexes heat data as {@code [x][y]} with y growing upwards, while a feature map is
     * {@code [row][column]} with rows growing downwards, so cell {@code (row, column)} becomes the
     * point {@code (x = column, y = height - 1 - row)} and the y labels count down.
     */
    static HeatMapChart chart(FeatureMap plane, String title, double min, double max) {
        int height = plane.height();
        int width = plane.width();
        int cell = Math.max(4, Math.min(56, 480 / Math.max(height, width)));
        int titleWidth = Palette.width(title, Palette.TITLE);
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(Math.max(cell * width, titleWidth) + 190)
                .height(Math.max(cell * height, 170) + 120)
                .title(title)
                .xAxisTitle("column")
                .yAxisTitle("row")
                .build();
        style(chart.getStyler(), Math.max(height, width) <= VALUES_UP_TO, min, max);
        chart.getStyler().setValueFont(Palette.VALUE.deriveFont((float) Math.max(9, Math.min(16, cell * 2 / 7))));

        List<Integer> columns = new ArrayList<>();
        for (int w = 0; w < width; w++) {
            columns.add(w);
        }
        List<Integer> rowsBottomUp = new ArrayList<>();
        for (int h = height - 1; h >= 0; h--) {
            rowsBottomUp.add(h);
        }
        List<Number[]> cells = new ArrayList<>(height * width);
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                cells.add(new Number[] {w, height - 1 - h, plane.get(0, 0, h, w)});
            }
        }
        chart.addSeries(title, columns, rowsBottomUp, cells);
        return chart;
    }

    private static void style(HeatMapStyler styler, boolean showValues, double min, double max) {
        styler.setRangeColors(Palette.HEAT);
        styler.setMin(min);
        styler.setMax(max == min ? min + 1 : max);
        styler.setShowValue(showValues);
        styler.setValueFont(Palette.VALUE);
        styler.setValueFontColor(Palette.TEXT);
        styler.setHeatMapValueDecimalPattern("0.###");
        styler.setDrawBorder(showValues);
        styler.setChartBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotContentSize(1);
        styler.setChartTitleFont(Palette.TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(Palette.LABEL);
        styler.setAxisTickLabelsFont(Palette.LABEL);
        styler.setAxisTickMarksColor(Palette.GRID);
        styler.setAxisTicksVisible(showValues);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Palette.BACKGROUND);
        styler.setLegendFont(Palette.LABEL);
        styler.setGradientColorColumnHeight(160);
        styler.setGradientColorColumnWeight(14);
    }

    /** Whole numbers without decimals, others with up to two. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
