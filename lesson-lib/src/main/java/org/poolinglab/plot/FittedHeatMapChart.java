package org.poolinglab.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * An XChart heat map whose grid of cells has an exact size in pixels.
 *
 * <p>XChart gives the plot area (the part inside the axes) whatever the chart's width and height leave
 * after the title, the axes and the legend, and fills a share of it, the plot content size, with the
 * cells. So {@link #fitGrid} draws the chart, reads how large the plot area came out, and corrects the
 * chart's size by the difference until the grid is as large as asked.
 */
final class FittedHeatMapChart extends HeatMapChart {

    /** XChart draws nothing in a plot area narrower than this; a narrower grid gets a margin around it. */
    static final int MIN_PLOT_WIDTH = 30;
    private static final int MAX_ATTEMPTS = 8;

    FittedHeatMapChart(HeatMapChartBuilder builder) {
        super(builder);
    }

    /**
     * Resizes the chart so that its cells fill {@code width x height} pixels (less than a pixel more). A grid
     * narrower than {@value #MIN_PLOT_WIDTH} pixels is drawn in the middle of a plot area that wide, with a
     * margin as wide above and below.
     */
    void fitGrid(int width, int height) {
        double share = Math.min(1, width / (double) MIN_PLOT_WIDTH);
        getStyler().setPlotContentSize(share);
        fitPlotArea((int) Math.round(width / share), (int) Math.round(height / share));
    }

    private void fitPlotArea(int width, int height) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Rectangle2D area = plotArea();
            // Rounded up: XChart's sizes have fractions, and a plot area even a fraction narrower than
            // MIN_PLOT_WIDTH stays empty.
            int missingWidth = (int) Math.ceil(width - area.getWidth());
            int missingHeight = (int) Math.ceil(height - area.getHeight());
            if (missingWidth == 0 && missingHeight == 0) {
                return;
            }
            setWidth(getWidth() + missingWidth);
            setHeight(getHeight() + missingHeight);
        }
        throw new IllegalStateException("the plot area of '" + getTitle() + "' should be " + width + "x" + height
                + " pixels but is " + plotArea().getWidth() + "x" + plotArea().getHeight() + " after "
                + MAX_ATTEMPTS + " attempts");
    }

    /** Where XChart draws the cells at the chart's current size, in pixels from its top left corner. */
    Rectangle2D grid() {
        Rectangle2D area = plotArea();
        double share = getStyler().getPlotContentSize();
        double width = area.getWidth() * share;
        double height = area.getHeight() * share;
        return new Rectangle2D.Double(area.getCenterX() - width / 2, area.getCenterY() - height / 2, width, height);
    }

    /** Where XChart puts the plot area at the chart's current size. */
    Rectangle2D plotArea() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            paint(g, getWidth(), getHeight());
        } finally {
            g.dispose();
        }
        return (Rectangle2D) plot.getBounds().clone();
    }
}
