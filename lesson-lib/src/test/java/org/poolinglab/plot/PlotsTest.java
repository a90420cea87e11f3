package org.poolinglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Pooling;
import org.poolinglab.WindowStep;

@DisplayName("Plots")
class PlotsTest {

    private static final FeatureMap LESSON = FeatureMap.of(new double[][] {
            {1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}});

    @Nested
    @DisplayName("heat maps")
    class HeatMapsOfFeatureMaps {

        @Test
        void drawMapsSideBySideWithOneCellSizeSoTheSmallerLooksSmaller() {
            FeatureMap pooled = Pooling.maxPool(LESSON, PoolSpec.of(2));
            FeatureMap global = Pooling.globalAvgPool(LESSON);
            List<HeatMaps.Panel> panels = HeatMaps.layout(List.of("input", "max", "global"),
                    List.of(LESSON, pooled, global));
            int cell = panels.get(0).cell();
            assertEquals(HeatMaps.MAX_CELL, cell, "small maps get the largest cells");
            assertEquals(List.of(4 * cell, 2 * cell, cell),
                    panels.stream().map(HeatMaps.Panel::gridWidth).toList(), "grid widths");
            assertEquals(List.of(4 * cell, 2 * cell, cell),
                    panels.stream().map(HeatMaps.Panel::gridHeight).toList(), "grid heights");
        }

        @Test
        void shrinkTheCellsSoThatLargeMapsFitAndStopWritingValuesWhenTheyNoLongerFit() {
            FeatureMap large = FeatureMap.of(new double[46][46]);
            FeatureMap half = FeatureMap.of(new double[23][23]);
            int cell = HeatMaps.cellSize(List.of(large, half));
            assertEquals(HeatMaps.MAX_GRID_SIDE / 46, cell);
            assertTrue(46 * cell <= HeatMaps.MAX_GRID_SIDE);
            assertFalse(HeatMaps.layout(List.of("a", "b"), List.of(large, half)).get(0).showValues());
            int many = HeatMaps.cellSize(java.util.Collections.nCopies(5, FeatureMap.of(new double[48][48])));
            assertTrue(5 * 48 * many <= HeatMaps.MAX_ROW_WIDTH, "five 48x48 maps fit one row: cell " + many);
            List<FeatureMap> sixSmall = java.util.Collections.nCopies(6, LESSON);
            BufferedImage row = HeatMaps.draw(HeatMaps.layout(java.util.Collections.nCopies(6, "t"), sixSmall), 0, 9);
            assertTrue(row.getWidth() <= HeatMaps.MAX_ROW_WIDTH + 20, "six 4x4 maps: " + row.getWidth() + " wide");
        }

        @Test
        void leaveZerosBlankInMapsThatAreMostlyZerosAndSaySo() {
            FeatureMap sparse = FeatureMap.of(new double[][] {{0, 0, 0}, {0, 3.5, 0}, {1, 0, 0}});
            HeatMaps.Panel panel = HeatMaps.layout(List.of("relu"), List.of(sparse)).get(0);
            assertEquals("", panel.text(0, 0));
            assertEquals("3.5", panel.text(1, 1));
            assertEquals("1", panel.text(2, 0));
            assertEquals("3x3", panel.caption());
            assertEquals("blank = 0", HeatMaps.blankNote(List.of(panel)), "said once, under the colour bar");

            HeatMaps.Panel lesson = HeatMaps.layout(List.of("lesson"), List.of(LESSON)).get(0);
            assertEquals("0", lesson.text(3, 2), "one zero among sixteen values is written");
            assertEquals("4x4", lesson.caption());
            assertEquals("", HeatMaps.blankNote(List.of(lesson)));

            List<HeatMaps.Panel> together = HeatMaps.layout(List.of("lesson", "relu"), List.of(LESSON, sparse));
            assertEquals("", together.get(0).text(3, 2), "next to a mostly-zero map, zeros are blank in every map");
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
            assertEquals(Palette.HEAT[0], HeatMaps.colour(5, 5, 5), "a constant map takes the lightest colour");
        }

        @Test
        void renderToAnImageThatFitsASlide() {
            BufferedImage image = Plots.heatmap(LESSON, "The lesson's map");
            assertTrue(image.getWidth() >= 4 * HeatMaps.MAX_CELL && image.getHeight() >= 4 * HeatMaps.MAX_CELL,
                    image.getWidth() + "x" + image.getHeight());
            BufferedImage row = Plots.sideBySide(List.of("a", "b", "c", "d"),
                    java.util.Collections.nCopies(4, FeatureMap.of(new double[48][48])));
            assertTrue(row.getWidth() <= 1300 && row.getHeight() <= 720, row.getWidth() + "x" + row.getHeight());
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
        void gridsAreAsWideAsTheirColumns() {
            BufferedImage tile = new BufferedImage(10, 20, BufferedImage.TYPE_INT_RGB);
            BufferedImage grid = Plots.grid(List.of(tile, tile, tile), 2);
            assertArrayEquals(new int[] {2 * 10 + 12, 2 * 20 + 12}, new int[] {grid.getWidth(), grid.getHeight()});
        }
    }
}
