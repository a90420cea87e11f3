package org.poolinglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.HeatMapStyler;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Pooling;
import org.poolinglab.WindowStep;

@DisplayName("Plots")
class PlotsTest {

    /** The notebook tests refuse pictures larger than this. */
    private static final int SLIDE_WIDTH = 1300;
    private static final int SLIDE_HEIGHT = 760;

    @Test
    void keepToTheSlideSizeTheNotebookTestsRequire() {
        assertEquals(SLIDE_WIDTH, Plots.MAX_WIDTH);
        assertEquals(SLIDE_HEIGHT, Plots.MAX_HEIGHT);
    }

    private static final FeatureMap LESSON = FeatureMap.of(new double[][] {
            {1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}});

    @Nested
    @DisplayName("heat maps")
    class HeatMapsOfFeatureMaps {

        @Test
        void areXChartHeatMapsWithOneCellSizeSoTheSmallerLooksSmaller() {
            FeatureMap pooled = Pooling.maxPool(LESSON, PoolSpec.of(2));
            FeatureMap global = Pooling.globalAvgPool(LESSON);
            List<HeatMaps.Panel> panels = HeatMaps.layout(List.of("input", "max", "global"),
                    List.of(LESSON, pooled, global));
            int cell = panels.get(0).cell();
            assertEquals(HeatMaps.MAX_CELL, cell, "small maps get the largest cells");
            List<FittedHeatMapChart> charts = HeatMaps.charts(panels, 0, 9);
            assertEquals(4, charts.size(), "three maps and the colour bar");
            for (int i = 0; i < 3; i++) {
                FeatureMap map = panels.get(i).plane();
                Rectangle2D area = charts.get(i).plotArea();
                assertPixels(map.width() * cell, area.getWidth(), "plot area width of map " + i);
                assertPixels(map.height() * cell, area.getHeight(), "plot area height of map " + i);
            }
            assertEquals(charts.get(0).plotArea().getWidth() / 4, charts.get(2).plotArea().getWidth(), 1.0,
                    "a 1x1 map beside a 4x4 map has a plot area a quarter as wide");
        }

        @Test
        void shrinkTheCellsOfLargeMapsAndKeepEvenANarrowMapToOneCellSize() {
            FeatureMap large = FeatureMap.of(new double[46][46]);
            FeatureMap global = FeatureMap.of(new double[][] {{0.03}});
            List<HeatMaps.Panel> panels = HeatMaps.layout(List.of("a", "global average"), List.of(large, global));
            int cell = panels.get(0).cell();
            assertEquals(HeatMaps.MAX_GRID_SIDE / 46, cell);
            assertFalse(panels.get(0).showValues(), "cells of " + cell + " pixels are too small for values");
            List<FittedHeatMapChart> charts = HeatMaps.charts(panels, 0, 1);
            assertPixels(46 * cell, charts.get(0).grid().getWidth(), "46x46 grid");
            assertTrue(cell < FittedHeatMapChart.MIN_PLOT_WIDTH, "narrower than any plot area XChart draws");
            assertPixels(cell, charts.get(1).grid().getWidth(), "the 1x1 map's cell is as large as the others");
            assertPixels(cell, charts.get(1).grid().getHeight(), "the 1x1 map's cell height");
            assertTrue(charts.get(1).plotArea().getWidth() >= FittedHeatMapChart.MIN_PLOT_WIDTH, "XChart draws it");
        }

        @Test
        void keepTheirCellsLargeWhenLongTitlesMakeTheRowTooWide() {
            String longTitle = "after 2x2 max pooling with stride 2, then moved one cell to the right";
            List<String> titles = List.of(longTitle, longTitle, longTitle, longTitle);
            List<FeatureMap> maps = List.of(LESSON, LESSON, LESSON, LESSON);
            List<HeatMaps.Panel> panels = HeatMaps.layout(titles, maps);
            int titleWidth = panels.get(0).textWidth();
            assertTrue(4 * titleWidth > HeatMaps.MAX_ROW_WIDTH, "the titles alone are wider than a row");
            assertTrue(titleWidth >= LESSON.width() * HeatMaps.MAX_CELL, "each title is wider than its largest grid");
            assertEquals(HeatMaps.MAX_CELL, panels.get(0).cell(), "smaller cells would not make the row narrower");
            assertEquals(HeatMaps.MIN_CELL, HeatMaps.layout(List.of("a"), List.of(FeatureMap.of(new double[1000][1000])))
                    .get(0).cell(), "a map too large for any cell still gets the smallest");
        }

        @Test
        void sayTheValueOfAOneByOneMapInItsCaptionWhenItsCellCannotHoldIt() {
            FeatureMap global = FeatureMap.of(new double[][] {{0.03}});
            List<HeatMaps.Panel> beside46 = HeatMaps.layout(List.of("a", "global average"),
                    List.of(FeatureMap.of(new double[46][46]), global));
            FittedHeatMapChart small = HeatMaps.charts(beside46, 0, 1).get(1);
            assertEquals("1x1 = 0.03", small.getXAxisTitle());
            assertFalse(small.getStyler().isShowValue());

            List<HeatMaps.Panel> beside4 = HeatMaps.layout(List.of("a", "global average"), List.of(LESSON, global));
            FittedHeatMapChart large = HeatMaps.charts(beside4, 0, 9).get(1);
            assertEquals("1x1", large.getXAxisTitle(), "the value is written in the cell instead");
            assertTrue(large.getStyler().isShowValue());
        }

        @Test
        void transposeARowMajorMapToXChartsXYWithRowZeroAtTheTop() {
            FeatureMap map = FeatureMap.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            HeatMaps.Panel panel = HeatMaps.layout(List.of("2x3"), List.of(map)).get(0);
            HeatMapSeries series = HeatMaps.charts(List.of(panel), 1, 6).get(0).getHeatMapSeries();
            assertEquals(List.of("0", "1", "2"), series.getXData(), "columns, left to right");
            assertEquals(List.of("1", "0"), series.getYData(), "rows, bottom to top");
            Map<String, Double> valueAtXY = new java.util.HashMap<>();
            for (Number[] cell : series.getHeatData()) {
                valueAtXY.put(cell[0] + "," + cell[1], cell[2].doubleValue());
            }
            assertEquals(6, valueAtXY.size());
            for (int row = 0; row < 2; row++) {
                for (int column = 0; column < 3; column++) {
                    assertEquals(map.get(0, 0, row, column), valueAtXY.get(column + "," + (1 - row)),
                            "cell[" + row + ", " + column + "] at x = column, y = height - 1 - row");
                }
            }
        }

        @Test
        void shareOneColourScaleShownOnceByTheColourBar() {
            FeatureMap pooled = Pooling.maxPool(LESSON, PoolSpec.of(2));
            List<FittedHeatMapChart> charts = HeatMaps.charts(
                    HeatMaps.layout(List.of("input", "max"), List.of(LESSON, pooled)), 0, 9);
            for (FittedHeatMapChart chart : charts) {
                assertEquals(0, chart.getStyler().getMin());
                assertEquals(9, chart.getStyler().getMax());
                assertFalse(chart.getStyler().isLegendVisible(), "no colour bar of its own");
            }
            FittedHeatMapChart bar = charts.get(2);
            List<?> labels = bar.getHeatMapSeries().getYData();
            assertEquals("0", labels.get(0), "the minimum at the bottom");
            assertEquals("9", labels.get(labels.size() - 1), "the maximum at the top");
            assertPixels(HeatMaps.BAR_WIDTH, bar.grid().getWidth(), "colour bar width");
            assertEquals(4 * HeatMaps.MAX_CELL, bar.grid().getHeight(), 1.0, "as tall as the tallest map");
        }

        @ParameterizedTest(name = "from 0 to {0}")
        @ValueSource(doubles = {9, 21, 0.03, 3.625, 1234.5})
        void drawTheColourBarWhateverTheWidthOfItsLabels(double max) {
            FittedHeatMapChart bar = HeatMaps.colourBar(0, max, 224, "");
            assertTrue(bar.plotArea().getWidth() >= FittedHeatMapChart.MIN_PLOT_WIDTH,
                    "XChart leaves plot areas narrower than " + FittedHeatMapChart.MIN_PLOT_WIDTH + " pixels empty: "
                            + bar.plotArea().getWidth());
        }

        @Test
        void writeValuesAndRowAndColumnNumbersOnlyInCellsLargeEnough() {
            List<HeatMaps.Panel> panels = HeatMaps.layout(List.of("4x4", "global"),
                    List.of(LESSON, Pooling.globalAvgPool(LESSON)));
            HeatMapStyler small = HeatMaps.charts(panels, 0, 9).get(0).getStyler();
            assertTrue(small.isShowValue());
            assertTrue(small.isXAxisTicksVisible() && small.isYAxisTicksVisible(), "column and row numbers");
            assertTrue(Palette.width("3.625", small.getValueFont()) <= HeatMaps.MAX_CELL - 6, "the widest value fits");

            HeatMapStyler large = HeatMaps.charts(HeatMaps.layout(List.of("46x46"),
                    List.of(FeatureMap.of(new double[46][46]))), 0, 1).get(0).getStyler();
            assertFalse(large.isShowValue());
            assertFalse(large.isXAxisTicksVisible() || large.isYAxisTicksVisible());
        }

        @Test
        void leaveZerosBlankOnlyInMapsThatAreMostlyZerosAndSaySoOnce() {
            FeatureMap sparse = FeatureMap.of(new double[][] {{0, 0, 0}, {0, 3.5, 0}, {1, 0, 0}});
            List<HeatMaps.Panel> panels = HeatMaps.layout(List.of("lesson", "relu"), List.of(LESSON, sparse));
            assertTrue(panels.get(1).blankZeros());
            assertFalse(panels.get(0).blankZeros(), "next to a mostly-zero map, the lesson's one 0 is still written");
            assertTrue(panels.get(0).heatData().stream().allMatch(java.util.Objects::nonNull));
            List<FittedHeatMapChart> charts = HeatMaps.charts(panels, 0, 9);
            List<? extends Number[]> relu = charts.get(1).getHeatMapSeries().getHeatData();
            assertEquals(9, relu.size());
            assertEquals(2, relu.stream().filter(java.util.Objects::nonNull).count(), "only 3.5 and 1 are cells");
            assertEquals(HeatMaps.colour(0, 0, 9), charts.get(1).getStyler().getPlotBackgroundColor(),
                    "a blank zero shows the plot background, in zero's colour");
            assertEquals("blank = 0", charts.get(2).getXAxisTitle(), "said once, under the colour bar");
            assertEquals("", charts.get(0).getXAxisTitle().replaceAll("\\d+x\\d+", ""), "not under the maps");

            List<HeatMaps.Panel> alone = HeatMaps.layout(List.of("lesson"), List.of(LESSON));
            assertFalse(alone.get(0).blankZeros(), "one zero among sixteen values is written");
            assertTrue(alone.get(0).heatData().stream().allMatch(java.util.Objects::nonNull));
            assertEquals("", HeatMaps.blankNote(alone));
        }

        @Test
        void titleEachMapAndCaptionItWithItsSize() {
            FeatureMap twoChannels = FeatureMap.of(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});
            List<FittedHeatMapChart> charts = HeatMaps.charts(HeatMaps.layout(
                    Plots.channelTitles(twoChannels, "vertical edges", "horizontal edges"),
                    List.of(twoChannels.channel(0, 0), twoChannels.channel(0, 1))), 1, 8);
            assertEquals("channel 0: vertical edges", charts.get(0).getTitle());
            assertEquals("channel 1: horizontal edges", charts.get(1).getTitle());
            assertEquals("2x2", charts.get(0).getXAxisTitle());
        }

        @Test
        void writeValuesWithUpToThreeDecimals() {
            assertEquals("3.625", HeatMaps.format(3.625));
            assertEquals("1.556", HeatMaps.format(14 / 9.0));
            assertEquals("6", HeatMaps.format(6));
            assertEquals("\u2212\u221e", HeatMaps.format(Double.NEGATIVE_INFINITY));
        }

        @Test
        void colourFromLightestAtTheMinimumToDarkestAtTheMaximum() {
            assertEquals(Palette.HEAT[0], HeatMaps.colour(0, 0, 9));
            assertEquals(Palette.HEAT[Palette.HEAT.length - 1], HeatMaps.colour(9, 0, 9));
            assertEquals(Palette.HEAT[1], HeatMaps.colour(3, 0, 9), "a third of the way: the second colour");
            assertEquals(Palette.HEAT[0], HeatMaps.colour(5, 5, 5), "a constant map takes the lightest colour");
        }

        @Test
        void fitASlide() {
            BufferedImage image = Plots.heatmap(LESSON, "The lesson's map");
            assertTrue(image.getWidth() >= 4 * HeatMaps.MAX_CELL && image.getHeight() >= 4 * HeatMaps.MAX_CELL,
                    image.getWidth() + "x" + image.getHeight());
            assertFitsASlide("four 48x48 maps", Plots.sideBySide(List.of("a", "b", "c", "d"),
                    java.util.Collections.nCopies(4, FeatureMap.of(new double[48][48]))));
            assertFitsASlide("six 4x4 maps", Plots.sideBySide(java.util.Collections.nCopies(6, "t"),
                    java.util.Collections.nCopies(6, LESSON)));
            FeatureMap edges = FeatureMap.of(new double[46][46]);
            FeatureMap global = FeatureMap.of(new double[][] {{0.03}});
            assertFitsASlide("titles wider than their 1x1 maps", Plots.sideBySide(List.of("channel 0: vertical edges",
                    "global average", "channel 1: horizontal edges", "global average"), List.of(edges, global, edges, global)));
        }

        /** Cells are sized to the pixel: at least as large as asked, and less than a pixel larger. */
        private void assertPixels(int expected, double actual, String what) {
            assertTrue(actual >= expected && actual < expected + 1, what + ": expected " + expected + " pixels but was "
                    + actual);
        }

        private void assertFitsASlide(String what, BufferedImage image) {
            assertTrue(image.getWidth() <= SLIDE_WIDTH && image.getHeight() <= SLIDE_HEIGHT,
                    what + ": " + image.getWidth() + "x" + image.getHeight() + " is larger than a slide");
        }

        @Test
        void needSinglePlanesAndOneTitleEach() {
            FeatureMap twoChannels = FeatureMap.of(new double[][][] {{{1}}, {{2}}});
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Plots.heatmap(twoChannels, "t"));
            assertTrue(error.getMessage().contains("map must be a single 1x1xHxW map but was 1x2x1x1"), error.getMessage());
            IllegalArgumentException titles = assertThrows(IllegalArgumentException.class,
                    () -> Plots.sideBySide(List.of("only one"), List.of(LESSON, LESSON)));
            assertEquals("titles must name all 2 maps but name 1", titles.getMessage());
        }

        @Test
        void nameEveryChannelByNumberAndName() {
            FeatureMap twoChannels = FeatureMap.of(new double[][][] {{{1}}, {{2}}});
            assertEquals(List.of("channel 0: vertical edges", "channel 1: horizontal edges"),
                    Plots.channelTitles(twoChannels, "vertical edges", "horizontal edges"));
            assertEquals(List.of("channel 0", "channel 1"), Plots.channelTitles(twoChannels));
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Plots.channels(twoChannels, "only one"));
            assertEquals("channelNames must name all 2 channels but names 1", error.getMessage());
        }
    }

    @Nested
    @DisplayName("window frames")
    class WindowFramesOfPooling {

        @Test
        void drawOneFramePerWindowPosition() {
            assertEquals(4, Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.MAX).size());
            assertEquals(9, Plots.windowFrames(LESSON, PoolSpec.of(2).stride(1), PoolType.AVERAGE).size());
        }

        @Test
        void listInTheLegendOnlyWhatTheFrameShows() {
            List<WindowStep> plain = Pooling.steps(LESSON, PoolSpec.of(2), PoolType.MAX);
            WindowFrames frames = new WindowFrames(LESSON, plain, PoolSpec.of(2), PoolType.MAX);
            assertEquals(List.of("window", "the maximum"), labels(frames.legend(plain.get(0))),
                    "no padding, and nothing filled yet in step 1");
            assertEquals(List.of("window", "the maximum", "output filled so far"), labels(frames.legend(plain.get(1))));

            PoolSpec padded = PoolSpec.of(3).stride(2).padding(1);
            List<WindowStep> steps = Pooling.steps(LESSON, padded, PoolType.AVERAGE);
            WindowFrames average = new WindowFrames(LESSON, steps, padded, PoolType.AVERAGE);
            assertEquals(List.of("window", "cells averaged", "padding (0)", "output filled so far"),
                    labels(average.legend(steps.get(3))));
        }

        private List<String> labels(List<WindowFrames.LegendEntry> entries) {
            return entries.stream().map(WindowFrames.LegendEntry::label).toList();
        }

        @Test
        void refuseMapsTooLargeToRead() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Plots.windowFrames(FeatureMap.of(new double[17][17]), PoolSpec.of(2), PoolType.MAX));
            assertTrue(error.getMessage().contains("at most 16x16 for windowFrames but was 17x17"), error.getMessage());
        }

        @Test
        void saveAsAnAnimatedGif(@TempDir Path folder) throws IOException {
            List<BufferedImage> frames = Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.MAX);
            Path gif = Plots.saveGif(frames, folder.resolve("steps.gif"), 800);
            byte[] header = Files.readAllBytes(gif);
            assertEquals("GIF89a", new String(header, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        }

        @Test
        void neverWriteAGifOverAnotherKindOfFile(@TempDir Path folder) {
            List<BufferedImage> frames = Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.MAX);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Plots.saveGif(frames, folder.resolve("notes.txt"), 800));
            assertTrue(error.getMessage().contains("file must end in .gif"), error.getMessage());
        }
    }

    @Nested
    @DisplayName("at a projector's scale")
    class AtAProjectorsScale {

        private final FeatureMap pooled = Pooling.maxPool(LESSON, PoolSpec.of(2));

        @AfterEach
        void backToNormalSize() {
            Plots.scale(1);
        }

        @Test
        void drawHeatMapsWithLargerCellsAndFonts() {
            List<HeatMaps.Panel> normal = HeatMaps.layout(List.of("input", "max"), List.of(LESSON, pooled));
            Font normalValues = HeatMaps.valueFont(normal);
            Plots.scale(1.5);
            List<HeatMaps.Panel> large = HeatMaps.layout(List.of("input", "max"), List.of(LESSON, pooled));
            assertEquals(HeatMaps.MAX_CELL, normal.get(0).cell());
            assertEquals(84, large.get(0).cell(), "1.5 times the largest cell, 56 pixels");
            assertEquals(84, large.get(1).cell(), "one cell size for both maps");
            assertEquals(17, normalValues.getSize());
            assertEquals(26, HeatMaps.valueFont(large).getSize(), "values 1.5 times as large (17 pixels normally)");
            HeatMapStyler styler = HeatMaps.charts(large, 0, 9).get(0).getStyler();
            assertEquals(27, styler.getChartTitleFont().getSize(), "titles 1.5 times 18 pixels");
            assertEquals(20, styler.getAxisTickLabelsFont().getSize(), "row and column numbers 1.5 times 13 pixels");
            assertEquals(84 * 4, (int) HeatMaps.charts(large, 0, 9).get(0).grid().getWidth(), "the 4x4 grid");
        }

        @Test
        void drawWindowFramesAndChartsLarger() {
            List<WindowStep> steps = Pooling.steps(LESSON, PoolSpec.of(2), PoolType.MAX);
            assertEquals(52, new WindowFrames(LESSON, steps, PoolSpec.of(2), PoolType.MAX).cell());
            Map<String, double[]> series = Map.of("weights", new double[] {1, 2});
            Plots.scale(2);
            assertEquals(104, new WindowFrames(LESSON, steps, PoolSpec.of(2), PoolType.MAX).cell());
            XYChart chart = Plots.lineChart("t", "x", "y", new double[] {0, 1}, series);
            assertEquals(1440, chart.getWidth(), "twice 720 pixels, before it is shrunk to a slide's width");
            assertEquals(36, chart.getStyler().getChartTitleFont().getSize());
            assertEquals(26, chart.getStyler().getAxisTitleFont().getSize());
            assertEquals(4f, chart.getSeriesMap().get("weights").getLineStyle().getLineWidth(), "lines twice as thick");
            assertEquals(26, Plots.barChart("t", "y", List.of("a", "b"), series).getStyler().getLabelsFont().getSize());
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(doubles = {1.5, 2})
        void makeEveryPictureLargerYetFitASlide(double scale) {
            FeatureMap global = Pooling.globalAvgPool(LESSON);
            FeatureMap paddedSixteen = FeatureMap.of(new double[16][16]);
            Map<String, java.util.function.Supplier<BufferedImage>> pictures = new LinkedHashMap<>();
            pictures.put("a heat map", () -> Plots.heatmap(LESSON, "The lesson's 4x4 feature map"));
            pictures.put("four maps", () -> Plots.sideBySide(List.of("input", "max", "average", "global average"),
                    List.of(LESSON, pooled, Pooling.avgPool(LESSON, PoolSpec.of(2)), global)));
            pictures.put("a 46x46 map before and after", () -> Plots.beforeAfter(FeatureMap.of(new double[46][46]),
                    PoolSpec.of(2), PoolType.MAX));
            pictures.put("a window frame", () -> Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.MAX).get(0));
            pictures.put("a 16x16 frame with padding", () -> Plots.windowFrames(paddedSixteen,
                    PoolSpec.of(3).stride(2).padding(1), PoolType.AVERAGE).get(0));
            pictures.put("four frames in a grid", () -> Plots.grid(Plots.windowFrames(LESSON, PoolSpec.of(2),
                    PoolType.MAX), 2));
            pictures.put("a line chart", () -> Plots.lines("t", "x", "y", new double[] {0, 1},
                    Map.of("weights", new double[] {1, 2})));
            FeatureMap eightPictures = FeatureMap.of(new int[] {8, 1, 28, 28}, new float[8 * 28 * 28]);
            List<String> captions = Collections.nCopies(8, "true: Ankle boot\npredicted: Sandal");
            pictures.put("8 captioned pictures", () -> Plots.pictures("eight", eightPictures, captions));
            Map<String, BufferedImage> normal = new LinkedHashMap<>();
            pictures.forEach((what, picture) -> normal.put(what, picture.get()));
            Plots.scale(scale);
            pictures.forEach((what, picture) -> {
                BufferedImage large = picture.get();
                assertFitsASlide(what + " at scale " + scale, large);
                BufferedImage before = normal.get(what);
                assertTrue(large.getWidth() > before.getWidth() || large.getHeight() > before.getHeight(),
                        what + " at scale " + scale + " is " + large.getWidth() + "x" + large.getHeight()
                                + ", no larger than " + before.getWidth() + "x" + before.getHeight());
            });
        }

        @Test
        void goBackToExactlyTheNormalPictures() {
            BufferedImage before = Plots.beforeAfter(LESSON, PoolSpec.of(2), PoolType.MAX);
            Plots.scale(2);
            Plots.scale(1);
            BufferedImage after = Plots.beforeAfter(LESSON, PoolSpec.of(2), PoolType.MAX);
            assertArrayEquals(before.getRGB(0, 0, before.getWidth(), before.getHeight(), null, 0, before.getWidth()),
                    after.getRGB(0, 0, after.getWidth(), after.getHeight(), null, 0, after.getWidth()));
            assertEquals(1, Plots.scale());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(doubles = {0.5, 0, 2.5, Double.NaN})
        void rejectAScaleOutsideOneToTwo(double factor) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Plots.scale(factor));
            assertEquals("factor must be from 1 to 2 but was " + factor, error.getMessage());
            assertEquals(1, Plots.scale(), "a rejected scale changes nothing");
        }

        private void assertFitsASlide(String what, BufferedImage image) {
            assertTrue(image.getWidth() <= Plots.MAX_WIDTH && image.getHeight() <= Plots.MAX_HEIGHT,
                    what + ": " + image.getWidth() + "x" + image.getHeight() + " is larger than a slide");
        }
    }

    @Nested
    @DisplayName("pictures")
    class PicturesWithCaptions {

        private final FeatureMap checkerboard = FeatureMap.of(new int[] {2, 1, 2, 2},
                new float[] {0, 1, 1, 0, 0.5f, 0.5f, 0.5f, 0.5f});

        @Test
        void enlargeEachPictureByAWholeFactorAndPaintItsBrightnessInGrey() {
            List<Pictures.Tile> tiles = Pictures.tiles(checkerboard, List.of("a", "b"), null);
            assertEquals(Pictures.side() / 2, tiles.get(0).scale(), "a 2x2 picture is enlarged 56 times");
            assertEquals(4, Pictures.tiles(FeatureMap.of(new double[28][28]), List.of("x"), null).get(0).scale(),
                    "a 28x28 picture 4 times");
            assertEquals(1, Pictures.tiles(FeatureMap.of(new double[200][10]), List.of("x"), null).get(0).scale(),
                    "a large one is never shrunk");

            BufferedImage row = Plots.pictures("two", checkerboard, List.of("a", "b"));
            Pictures.Tile first = tiles.get(0);
            int left = (first.width() - first.pictureWidth()) / 2;
            int top = Pictures.titleHeight() + Pictures.frame();
            int cell = first.scale();
            assertEquals(0x000000, rgb(row, left + cell / 2, top + cell / 2), "brightness 0 is black");
            assertEquals(0xFFFFFF, rgb(row, left + cell * 3 / 2, top + cell / 2), "brightness 1 is white");
            assertEquals(0xFFFFFF, rgb(row, left + cell / 2, top + cell * 3 / 2), "row 1, column 0");
            int second = first.width() + Pictures.gap() + (tiles.get(1).width() - tiles.get(1).pictureWidth()) / 2;
            assertEquals(0x808080, rgb(row, second + cell / 2, top + cell / 2), "picture 1: brightness 0.5 is grey");
        }

        @Test
        void putThePicturesInOneRowWithTheirCaptionsLineByLine() {
            List<Pictures.Tile> tiles = Pictures.tiles(checkerboard, List.of("first\nline two", "b"), null);
            assertEquals(List.of("first", "line two"), tiles.get(0).lines());
            assertEquals(List.of("b"), tiles.get(1).lines());
            BufferedImage row = Pictures.draw("two", tiles);
            assertEquals(tiles.get(0).width() + Pictures.gap() + tiles.get(1).width(), row.getWidth());
            assertEquals(Pictures.titleHeight() + Pictures.side() + 2 * Pictures.frame() + 2 * Pictures.lineHeight()
                    + Pictures.gap() / 2, row.getHeight(), "as tall as the picture with the most lines");
        }

        @Test
        void captionPredictionsWithTheTrueAndThePredictedClassAndMarkTheWrongOnes() {
            List<Pictures.Tile> tiles = Pictures.predictions(checkerboard, new int[] {2, 0}, new int[] {2, 1},
                    List.of("T-shirt/top", "Trouser", "Pullover"));
            assertEquals(List.of("true: Pullover", "predicted: Pullover"), tiles.get(0).lines());
            assertEquals(List.of("true: T-shirt/top", "predicted: Trouser"), tiles.get(1).lines());
            assertFalse(tiles.get(0).marked(), "a right prediction is not marked");
            assertTrue(tiles.get(1).marked(), "a wrong one is");
            assertEquals(List.of("true: T-shirt/top", "predicted: Trouser \u2717"), tiles.get(1).shownLines(),
                    "and crossed, so that not only red says so");
            BufferedImage row = Pictures.draw("predictions", tiles);
            int left = tiles.get(0).width() + Pictures.gap() + (tiles.get(1).width() - tiles.get(1).pictureWidth()) / 2;
            assertEquals(Pictures.MARK.getRGB() & 0xFFFFFF, rgb(row, left - 1, Pictures.titleHeight() + 1),
                    "the wrong one has a red frame");
            assertEquals(0xFFFFFF, rgb(row, (tiles.get(0).width() - tiles.get(0).pictureWidth()) / 2 - 1,
                    Pictures.titleHeight() + 1), "the right one has none");
        }

        @Test
        void fitEightFashionMnistPicturesWithTheLongestClassNamesOnASlide() {
            int[] labels = new int[8];
            int[] predicted = new int[8];
            java.util.Arrays.fill(labels, 0);
            java.util.Arrays.fill(predicted, 9);
            BufferedImage row = Plots.predictions("test pictures", FeatureMap.of(new int[] {8, 1, 28, 28},
                    new float[8 * 28 * 28]), labels, predicted, List.of("T-shirt/top", "Trouser", "Pullover",
                    "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));
            assertTrue(row.getWidth() <= SLIDE_WIDTH && row.getHeight() <= SLIDE_HEIGHT,
                    row.getWidth() + "x" + row.getHeight());
        }

        @Test
        void rejectCaptionsAndLabelsThatDoNotMatchThePictures() {
            assertEquals("captions must caption all 2 images but caption 1", assertThrows(
                    IllegalArgumentException.class, () -> Plots.pictures("t", checkerboard, List.of("a")))
                    .getMessage());
            assertEquals("images must have 1 channel (grey-scale) but have 2", assertThrows(
                    IllegalArgumentException.class, () -> Plots.pictures("t",
                            FeatureMap.of(new double[][][] {{{1}}, {{2}}}), List.of("a"))).getMessage());
            List<String> names = List.of("a", "b");
            assertEquals("predicted must have one class per image (2) but has 1", assertThrows(
                    IllegalArgumentException.class, () -> Plots.predictions("t", checkerboard, new int[] {0, 1},
                            new int[] {0}, names)).getMessage());
            assertEquals("labels[1] must be in [0, 2) (one of 2 classes) but was 2", assertThrows(
                    IllegalArgumentException.class, () -> Plots.predictions("t", checkerboard, new int[] {0, 2},
                            new int[] {0, 1}, names)).getMessage());
        }

        private int rgb(BufferedImage image, int x, int y) {
            return image.getRGB(x, y) & 0xFFFFFF;
        }
    }

    @Nested
    @DisplayName("charts")
    class Charts {

        @Test
        void keepTheSeriesInTheirOrder() {
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put("no pooling", new double[] {0, 1});
            series.put("max pooling", new double[] {0, 0.5});
            XYChart chart = Plots.lineChart("t", "x", "y", new double[] {0, 1}, series);
            assertEquals(List.of("no pooling", "max pooling"), List.copyOf(chart.getSeriesMap().keySet()));
            CategoryChart bars = Plots.barChart("t", "y", List.of("a", "b"), series);
            assertEquals(List.of("no pooling", "max pooling"), List.copyOf(bars.getSeriesMap().keySet()));
        }

        @Test
        void showALegendOnlyWhenThereIsMoreThanOneSeriesToTellApart() {
            Map<String, double[]> one = Map.of("weights", new double[] {1, 2});
            Map<String, double[]> two = new LinkedHashMap<>(one);
            two.put("comparisons", new double[] {3, 4});
            assertFalse(Plots.lineChart("t", "x", "y", new double[] {0, 1}, one).getStyler().isLegendVisible());
            assertTrue(Plots.lineChart("t", "x", "y", new double[] {0, 1}, two).getStyler().isLegendVisible());
            assertFalse(Plots.barChart("t", "y", List.of("a", "b"), one).getStyler().isLegendVisible());
            assertTrue(Plots.barChart("t", "y", List.of("a", "b"), two).getStyler().isLegendVisible());
        }

        @Test
        void rejectASeriesOfTheWrongLength() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Plots.lines("t", "x", "y", new double[] {1, 2, 3}, Map.of("short", new double[] {1})));
            assertEquals("series 'short' must have 3 values (one per x) but has 1", error.getMessage());
        }

        @Test
        void giveEachKindOfPoolingItsColourWhateverItsPlace() {
            Map<String, double[]> first = new LinkedHashMap<>();
            first.put("2x2 max pooling", new double[] {0, 1});
            first.put("2x2 average pooling", new double[] {0, 1});
            Map<String, double[]> second = new LinkedHashMap<>();
            second.put("no pooling", new double[] {0, 1});
            second.put("average pooling", new double[] {0, 1});
            second.put("max pooling", new double[] {0, 1});
            XYChart a = Plots.lineChart("t", "x", "y", new double[] {0, 1}, first);
            XYChart b = Plots.lineChart("t", "x", "y", new double[] {0, 1}, second);
            assertEquals(a.getSeriesMap().get("2x2 max pooling").getLineColor(),
                    b.getSeriesMap().get("max pooling").getLineColor(), "max pooling, first and third");
            assertEquals(a.getSeriesMap().get("2x2 average pooling").getLineColor(),
                    b.getSeriesMap().get("average pooling").getLineColor(), "average pooling, second and second");
            assertNotEquals(b.getSeriesMap().get("max pooling").getLineColor(),
                    b.getSeriesMap().get("average pooling").getLineColor());
            CategoryChart bars = Plots.barChart("t", "y", List.of("a", "b"), second);
            assertEquals(Palette.seriesColour("max pooling", 0), bars.getSeriesMap().get("max pooling").getFillColor());
            assertEquals(Palette.SERIES[1], Palette.seriesColour("a series of no kind", 1), "others by place");
            assertEquals(Palette.seriesColour("anti-aliased max pooling", 0),
                    Palette.POOLING_COLOURS.get("anti-aliased"), "anti-aliased max pooling is not max pooling");
        }

        @Test
        void showEveryRunAndEachModelsMeanAndSpread() {
            Map<String, double[]> runs = new LinkedHashMap<>();
            runs.put("no pooling", new double[] {84, 85, 86});
            runs.put("max pooling", new double[] {87});
            XYChart chart = Plots.runsChart("t", "%", runs);
            assertEquals(List.of("no pooling", "no pooling: mean", "no pooling: mean ± sd", "max pooling",
                    "max pooling: mean"), List.copyOf(chart.getSeriesMap().keySet()), "one run has no spread");
            assertArrayEquals(new double[] {84, 85, 86}, chart.getSeriesMap().get("no pooling").getYData());
            assertArrayEquals(new double[] {85, 85}, chart.getSeriesMap().get("no pooling: mean").getYData());
            assertArrayEquals(new double[] {1}, chart.getSeriesMap().get("no pooling: mean ± sd").getExtraValues());
            assertTrue(chart.getSeriesMap().get("max pooling").getXData()[0] > 1.5, "the second model's column");
            assertEquals("Dot plot \"t\" (%), one dot per run, each model's mean and one standard deviation either "
                    + "side: no pooling: 3 runs, 84 to 86, mean 85.00, sd 1.00; max pooling: 1 run, 87 to 87, "
                    + "mean 87.00.", Plots.runs("t", "%", runs).description());
        }

        @Test
        void gridsAreAsWideAsTheirColumns() {
            BufferedImage tile = new BufferedImage(10, 20, BufferedImage.TYPE_INT_RGB);
            BufferedImage grid = Plots.grid(List.of(tile, tile, tile), 2);
            assertArrayEquals(new int[] {2 * 10 + 12, 2 * 20 + 12}, new int[] {grid.getWidth(), grid.getHeight()});
        }
    }
}
