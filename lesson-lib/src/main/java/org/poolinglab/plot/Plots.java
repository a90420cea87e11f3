package org.poolinglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.GifEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Pooling;

/**
 * Pictures for the lesson. Each method returns an image, so a notebook cell ending in one shows it.
 * <pre>{@code
 * Plots.heatmap(x, "The lesson's 4x4 map")
 * Plots.sideBySide(List.of("input", "max pooled"), List.of(x, Pooling.maxPool(x, PoolSpec.of(2))))
 * Plots.beforeAfter(x, PoolSpec.of(2), PoolType.MAX)
 * Plots.grid(Plots.windowFrames(x, PoolSpec.of(2), PoolType.MAX), 2)
 * }</pre>
 * Every picture fits a slide: at most {@value #MAX_WIDTH}x{@value #MAX_HEIGHT} pixels.
 */
public final class Plots {

    /** {@link #windowFrames} draws maps up to this many rows and columns; larger ones would be unreadable. */
    public static final int MAX_FRAME_SIDE = 16;
    /** No picture is wider than this, so that a slide shows it readably. */
    public static final int MAX_WIDTH = Palette.SLIDE_WIDTH;
    /** No picture is taller than this, so that a slide shows it readably. */
    public static final int MAX_HEIGHT = Palette.SLIDE_HEIGHT;
    /** The largest {@link #scale}: twice the normal size. */
    public static final double MAX_SCALE = 2;
    /** A line or bar chart's size at normal size. */
    static final int CHART_WIDTH = 720;
    static final int CHART_HEIGHT = 420;
    /** XChart's line width, made larger with the scale. */
    private static final float LINE_WIDTH = 2;

    private Plots() {
    }

    /**
     * Draws every picture from now on {@code factor} times its normal size, for a projector: fonts,
     * cells, lines and gaps of heat maps, charts, the sliding-window frames and the {@link Stepper}'s
     * steps. Put it once at the top of a notebook, e.g. {@code Plots.scale(1.5);};
     * {@code Plots.scale(1)} goes back to normal. Pictures still fit a slide
     * ({@value #MAX_WIDTH}x{@value #MAX_HEIGHT}): one that would be larger is shrunk as a whole until
     * it fits, so it shows as large as a slide allows.
     *
     * @param factor from 1 (normal size) to {@value #MAX_SCALE}
     */
    public static void scale(double factor) {
        require(factor >= 1 && factor <= MAX_SCALE, "factor must be from 1 to " + HeatMaps.format(MAX_SCALE)
                + " but was " + factor);
        Palette.scale(factor);
    }

    /** How many times their normal size pictures are drawn now: 1 unless {@link #scale(double)} said otherwise. */
    public static double scale() {
        return Palette.scale();
    }

    /**
     * A heat map of a single map ({@code 1 x 1 x H x W}), drawn as an XChart heat-map chart: one square per
     * cell, darker for larger values, with the values written in the cells when they are large enough to
     * hold them.
     */
    public static DescribedImage heatmap(FeatureMap map, String title) {
        return sideBySide(List.of(title), List.of(singlePlane("map", map)));
    }

    /** A heat map whose colour scale runs from {@code min} to {@code max}, to compare several maps fairly. */
    public static DescribedImage heatmap(FeatureMap map, String title, double min, double max) {
        return sideBySide(List.of(title), List.of(singlePlane("map", map)), min, max);
    }

    /**
     * Single maps side by side, each under its title, drawn with one cell size and one colour scale (from
     * the smallest to the largest value of them all), so a map half as wide looks half as wide:
     * <pre>{@code
     * Plots.sideBySide(List.of("input", "max"), List.of(x, Pooling.maxPool(x, PoolSpec.of(2))))
     * }</pre>
     */
    public static DescribedImage sideBySide(List<String> titles, List<FeatureMap> maps) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (FeatureMap map : checkedPlanes(titles, maps)) {
            float[] values = map.toFloatArray();
            low = Math.min(low, min(values));
            high = Math.max(high, max(values));
        }
        return sideBySide(titles, maps, low, high);
    }

    /** {@link #sideBySide(List, List)} with the colour scale running from {@code min} to {@code max}. */
    public static DescribedImage sideBySide(List<String> titles, List<FeatureMap> maps, double min, double max) {
        return new DescribedImage(HeatMaps.draw(HeatMaps.layout(titles, checkedPlanes(titles, maps)), min, max),
                Descriptions.heatMaps(titles, maps, min, max));
    }

    /**
     * Every channel of batch entry 0 side by side, on one colour scale and with one cell size, each titled
     * with its channel number and, when given, its name: "channel 0: vertical edges".
     */
    public static DescribedImage channels(FeatureMap map, String... channelNames) {
        if (map == null) {
            throw new NullPointerException("map must not be null");
        }
        require(channelNames.length == 0 || channelNames.length == map.channels(), "channelNames must name all "
                + map.channels() + " channels but names " + channelNames.length);
        return sideBySide(channelTitles(map, channelNames), channelPlanes(map));
    }

    static List<String> channelTitles(FeatureMap map, String... channelNames) {
        List<String> titles = new ArrayList<>();
        for (int c = 0; c < map.channels(); c++) {
            titles.add("channel " + c + (channelNames.length > 0 ? ": " + channelNames[c] : ""));
        }
        return titles;
    }

    private static List<FeatureMap> channelPlanes(FeatureMap map) {
        List<FeatureMap> planes = new ArrayList<>();
        for (int c = 0; c < map.channels(); c++) {
            planes.add(map.channel(0, c));
        }
        return planes;
    }

    /**
     * The input and its pooled output side by side, with one cell size and one colour scale, the pooling
     * written in the title, e.g. "2x2 max pooling, stride 2: 4x4 -> 2x2".
     */
    public static DescribedImage beforeAfter(FeatureMap input, PoolSpec spec, PoolType type) {
        FeatureMap plane = singlePlane("input", input);
        FeatureMap output = type.apply(plane, spec);
        DescribedImage maps = sideBySide(List.of("input", "output"), List.of(plane, output));
        String title = spec.describe(type) + ": " + plane.size() + " \u2192 " + output.size();
        return new DescribedImage(titled(title, maps),
                Descriptions.beforeAfter(spec.describe(type) + ": " + plane.size() + " to " + output.size(),
                        maps.description()));
    }

    /**
     * The sliding window, one picture per position in the order the output is filled: the window
     * outlined on the input (padding drawn as grey cells), the maximum or the averaged cells highlighted,
     * and the output cell being filled. Save them with {@link #saveGif} for an animation.
     *
     * @param input a single map of at most {@value #MAX_FRAME_SIDE} x {@value #MAX_FRAME_SIDE}
     */
    public static List<BufferedImage> windowFrames(FeatureMap input, PoolSpec spec, PoolType type) {
        return windowFrames(input, spec, type, "windowFrames").draw();
    }

    /** What draws {@link #windowFrames}, for a {@code caller} that wants the frames one at a time. */
    static WindowFrames windowFrames(FeatureMap input, PoolSpec spec, PoolType type, String caller) {
        FeatureMap plane = singlePlane("input", input);
        require(plane.height() <= MAX_FRAME_SIDE && plane.width() <= MAX_FRAME_SIDE, "input must be at most "
                + MAX_FRAME_SIDE + "x" + MAX_FRAME_SIDE + " for " + caller + " but was " + plane.size()
                + "; pool a smaller crop, or use beforeAfter");
        return new WindowFrames(plane, Pooling.steps(plane, spec, type), spec, type);
    }

    /**
     * Writes {@code frames} as an animated GIF that loops forever, {@code millisPerFrame} per frame.
     *
     * @param file a path ending in {@code .gif}; an existing GIF there is replaced, any other file is not
     * @return the file written
     */
    public static Path saveGif(List<? extends BufferedImage> frames, Path file, int millisPerFrame) throws IOException {
        require(frames != null && !frames.isEmpty(), "frames must not be empty");
        require(millisPerFrame >= 10, "millisPerFrame must be >= 10 but was " + millisPerFrame);
        String name = file.getFileName().toString();
        require(name.toLowerCase(java.util.Locale.ROOT).endsWith(".gif"), "file must end in .gif but was " + file);
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        GifEncoder.saveGif(absolute.toString(), List.copyOf(frames), 0, millisPerFrame);
        return absolute;
    }

    /**
     * Grey-scale pictures in a row under {@code title}, each enlarged to about 112 pixels (brightness 0
     * black to 1 white) with its caption under it; a caption's {@code \n} starts a new line:
     * <pre>{@code
     * Plots.pictures("Drawn in Java", Images.text("7", 28), List.of("a seven\n28x28"))
     * }</pre>
     *
     * @param images   {@code N x 1 x H x W}, one picture per batch entry
     * @param captions one caption per picture
     */
    public static DescribedImage pictures(String title, FeatureMap images, List<String> captions) {
        List<Pictures.Tile> tiles = Pictures.tiles(images, captions, null);
        return new DescribedImage(Palette.fitSlide(Pictures.draw(title, tiles)),
                Descriptions.pictures(title, tiles, ", captioned"));
    }

    /**
     * Pictures with what a classifier made of them: under each, "true: " its class and "predicted: " the
     * class the classifier chose; a wrong prediction is framed and written in red.
     *
     * @param labels     the true class of each picture, {@code 0 .. classNames.size() - 1}
     * @param predicted  the class the classifier chose for each picture, e.g. {@code model.predict(images)}
     * @param classNames the name of each class number
     */
    public static DescribedImage predictions(String title, FeatureMap images, int[] labels, int[] predicted,
                                             List<String> classNames) {
        List<Pictures.Tile> tiles = Pictures.predictions(images, labels, predicted, classNames);
        return new DescribedImage(Palette.fitSlide(Pictures.draw(title, tiles)),
                Descriptions.pictures(title, tiles, ", each with its true and its predicted class"));
    }

    /** Images next to each other, top-aligned, with a small gap; shrunk as a whole where that would not fit a slide. */
    public static DescribedImage row(BufferedImage... images) {
        require(images != null && images.length > 0, "images must not be empty");
        int gap = Palette.px(12);
        int width = Arrays.stream(images).mapToInt(BufferedImage::getWidth).sum() + gap * (images.length - 1);
        int height = Arrays.stream(images).mapToInt(BufferedImage::getHeight).max().orElseThrow();
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(result);
        try {
            int x = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, x, 0, null);
                x += image.getWidth() + gap;
            }
        } finally {
            g.dispose();
        }
        return new DescribedImage(Palette.fitSlide(result), Descriptions.combined("side by side", List.of(images)));
    }

    /**
     * Images in rows of {@code columns}, each cell as large as the largest image; shrunk as a whole where
     * that would not fit a slide.
     */
    public static DescribedImage grid(List<? extends BufferedImage> images, int columns) {
        require(images != null && !images.isEmpty(), "images must not be empty");
        require(columns >= 1, "columns must be >= 1 but was " + columns);
        int gap = Palette.px(12);
        int cellWidth = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int cellHeight = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        BufferedImage result = new BufferedImage(cols * cellWidth + (cols - 1) * gap,
                rows * cellHeight + (rows - 1) * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(result);
        try {
            for (int i = 0; i < images.size(); i++) {
                g.drawImage(images.get(i), (i % cols) * (cellWidth + gap), (i / cols) * (cellHeight + gap), null);
            }
        } finally {
            g.dispose();
        }
        String arrangement = cols == 1 ? "one under another" : "in rows of " + cols + ", left to right";
        return new DescribedImage(Palette.fitSlide(result), Descriptions.combined(arrangement, images));
    }

    /**
     * A line chart: one line per series over the same x values, with a legend when there is more than
     * one. Series keep the order of a {@link LinkedHashMap} (or a sorted map); other maps are shown in
     * alphabetical order.
     */
    public static DescribedImage lines(String title, String xTitle, String yTitle, double[] x,
                                       Map<String, double[]> series) {
        XYChart chart = lineChart(title, xTitle, yTitle, x, series);
        return new DescribedImage(render(chart), Descriptions.lines(title, xTitle, yTitle, x, ordered(series)));
    }

    /** A bar chart: one group of bars per category, one bar per series. Legend and series order as in {@link #lines}. */
    public static DescribedImage bars(String title, String yTitle, List<String> categories,
                                      Map<String, double[]> series) {
        CategoryChart chart = barChart(title, yTitle, categories, series);
        return new DescribedImage(render(chart), Descriptions.bars(title, yTitle, categories, ordered(series)));
    }

    /**
     * Every run of several models as dots, one column per model, with each model's mean (a line across its
     * column) and one standard deviation above and below it (an error bar): how far the runs of one model
     * spread, next to how far the models lie apart. For results over several seeds, e.g.
     * {@code Plots.runs("Test accuracy, 5 seeds", "%", results.values("test %"))}.
     *
     * @param runs each model's value in each of its runs, in the order the columns should have (a
     *             {@link LinkedHashMap}); at least one run each
     */
    public static DescribedImage runs(String title, String yTitle, Map<String, double[]> runs) {
        XYChart chart = runsChart(title, yTitle, runs);
        return new DescribedImage(render(chart), Descriptions.runs(title, yTitle, ordered(runs)));
    }

    static XYChart runsChart(String title, String yTitle, Map<String, double[]> runs) {
        Map<String, double[]> models = ordered(runs);
        XYChart chart = new XYChartBuilder().width(Palette.px(CHART_WIDTH)).height(Palette.px(CHART_HEIGHT))
                .title(title).xAxisTitle("dots: the runs; line: their mean; bar: 1 sd either side")
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(Palette.px(9));
        chart.getStyler().setXAxisMin(0.5).setXAxisMax(models.size() + 0.5);
        chart.getStyler().setXAxisTicksVisible(false); // the legend names the columns, left to right
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        int number = 0;
        for (Map.Entry<String, double[]> entry : models.entrySet()) {
            double[] values = entry.getValue();
            require(values.length > 0, "model '" + entry.getKey() + "' must have at least one run");
            double centre = number + 1;
            double[] x = new double[values.length];
            for (int run = 0; run < values.length; run++) {
                x[run] = centre - 0.25 + 0.3 * (run + 0.5) / values.length; // side by side, left of the mean
            }
            Color colour = Palette.line(Palette.seriesColour(entry.getKey(), number));
            XYSeries dots = chart.addSeries(entry.getKey(), x, values);
            dots.setMarker(Palette.SERIES_MARKERS[number % Palette.SERIES_MARKERS.length]);
            dots.setMarkerColor(colour);
            double mean = Arrays.stream(values).average().orElseThrow();
            XYSeries meanLine = chart.addSeries(entry.getKey() + ": mean", new double[] {centre - 0.3, centre + 0.3},
                    new double[] {mean, mean});
            meanLine.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            meanLine.setMarker(SeriesMarkers.NONE);
            meanLine.setLineColor(colour);
            meanLine.setLineStyle(new BasicStroke(LINE_WIDTH * (float) Palette.scale()));
            meanLine.setShowInLegend(false);
            if (values.length > 1) {
                XYSeries spread = chart.addSeries(entry.getKey() + ": mean ± sd", new double[] {centre + 0.2},
                        new double[] {mean}, new double[] {standardDeviation(values)});
                spread.setMarker(SeriesMarkers.NONE);
                spread.setMarkerColor(colour);
                spread.setLineColor(colour);
                spread.setShowInLegend(false);
            }
            number++;
        }
        return chart;
    }

    /** The sample standard deviation (divided by n - 1), as {@code org.poolinglab.nn.ExperimentResults} reports it. */
    static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    static XYChart lineChart(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        require(x != null && x.length > 0, "x must not be empty");
        XYChart chart = new XYChartBuilder().width(Palette.px(CHART_WIDTH)).height(Palette.px(CHART_HEIGHT))
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setSeriesColors(Arrays.stream(Palette.SERIES).map(Palette::line).toArray(Color[]::new));
        chart.getStyler().setMarkerSize(Palette.px(8));
        int number = 0;
        for (Map.Entry<String, double[]> entry : ordered(series).entrySet()) {
            require(entry.getValue().length == x.length, "series '" + entry.getKey() + "' must have " + x.length
                    + " values (one per x) but has " + entry.getValue().length);
            float[] dashes = scaled(Palette.SERIES_DASHES[number % Palette.SERIES_DASHES.length]);
            Color colour = Palette.line(Palette.seriesColour(entry.getKey(), number));
            XYSeries line = chart.addSeries(entry.getKey(), x, entry.getValue());
            line.setMarker(Palette.SERIES_MARKERS[number % Palette.SERIES_MARKERS.length]);
            line.setMarkerColor(colour);
            line.setLineColor(colour);
            line.setLineStyle(new BasicStroke(LINE_WIDTH * (float) Palette.scale(), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND, 10, dashes, 0));
            number++;
        }
        chart.getStyler().setLegendVisible(series.size() > 1);
        return chart;
    }

    static CategoryChart barChart(String title, String yTitle, List<String> categories, Map<String, double[]> series) {
        require(categories != null && !categories.isEmpty(), "categories must not be empty");
        CategoryChart chart = new CategoryChartBuilder().width(Palette.px(CHART_WIDTH)).height(Palette.px(CHART_HEIGHT))
                .title(title).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(Palette.label());
        chart.getStyler().setLabelsPosition(0.9);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Palette.TEXT);
        for (Map.Entry<String, double[]> entry : ordered(series).entrySet()) {
            require(entry.getValue().length == categories.size(), "series '" + entry.getKey() + "' must have "
                    + categories.size() + " values (one per category) but has " + entry.getValue().length);
            List<Double> values = Arrays.stream(entry.getValue()).boxed().toList();
            chart.addSeries(entry.getKey(), categories, values)
                    .setFillColor(Palette.seriesColour(entry.getKey(), chart.getSeriesMap().size() - 1));
        }
        chart.getStyler().setLegendVisible(series.size() > 1);
        return chart;
    }

    /** A dash pattern at the current scale (null, a solid line, stays null). */
    private static float[] scaled(float[] dashes) {
        if (dashes == null) {
            return null;
        }
        float[] result = dashes.clone();
        for (int i = 0; i < result.length; i++) {
            result[i] *= (float) Palette.scale();
        }
        return result;
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(Palette.title());
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(Palette.label());
        styler.setAxisTickLabelsFont(Palette.label());
        styler.setLegendFont(Palette.label());
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Palette.BACKGROUND);
        styler.setPlotGridLinesColor(new java.awt.Color(0xE6E6E6));
        styler.setDecimalPattern("#,##0.##");
        styler.setSeriesColors(Palette.SERIES);
    }

    private static Map<String, double[]> ordered(Map<String, double[]> series) {
        require(series != null && !series.isEmpty(), "series must not be empty");
        return series instanceof LinkedHashMap || series instanceof SortedMap ? series : new TreeMap<>(series);
    }

    private static BufferedImage titled(String title, BufferedImage body) {
        int header = Palette.px(40);
        int width = Math.max(body.getWidth(), Palette.width(title, Palette.title()) + Palette.px(40));
        BufferedImage result = new BufferedImage(width, body.getHeight() + header, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(result);
        try {
            g.setColor(Palette.TEXT);
            g.setFont(Palette.title());
            Palette.centred(g, title, width / 2, Palette.px(28));
            g.drawImage(body, (width - body.getWidth()) / 2, header, null);
        } finally {
            g.dispose();
        }
        return Palette.fitSlide(result);
    }

    static BufferedImage render(Chart<?, ?> chart) {
        return Palette.fitSlide(BitmapEncoder.getBufferedImage(chart));
    }

    private static FeatureMap singlePlane(String name, FeatureMap map) {
        if (map == null) {
            throw new NullPointerException(name + " must not be null");
        }
        require(map.batch() == 1 && map.channels() == 1, name + " must be a single 1x1xHxW map but was "
                + map.batch() + "x" + map.channels() + "x" + map.height() + "x" + map.width()
                + "; take one plane with channel(n, c), or use channels(...)");
        return map;
    }

    private static List<FeatureMap> checkedPlanes(List<String> titles, List<FeatureMap> maps) {
        require(maps != null && !maps.isEmpty(), "maps must not be empty");
        require(titles != null && titles.size() == maps.size(), "titles must name all " + maps.size()
                + " maps but name " + (titles == null ? 0 : titles.size()));
        for (int i = 0; i < maps.size(); i++) {
            singlePlane("maps[" + i + "]", maps.get(i));
        }
        return maps;
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    private static double min(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static double max(float[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
