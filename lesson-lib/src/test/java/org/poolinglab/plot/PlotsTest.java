package org.poolinglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;

@DisplayName("Plots")
class PlotsTest {

    private static final FeatureMap LESSON = FeatureMap.of(new double[][] {
            {1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}});

    @Nested
    @DisplayName("heat maps")
    class HeatMapsOfFeatureMaps {

        @Test
        void putRowZeroAtTheTopByTurningRowsIntoXChartsUpwardY() {
            FeatureMap map = FeatureMap.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            HeatMapSeries series = HeatMaps.chart(map, "t", 1, 6).getHeatMapSeries();
            // XChart's data is [x][y] with y upwards: cell (row, col) is (x = col, y = height - 1 - row).
            for (Number[] point : series.getHeatData()) {
                int column = point[0].intValue();
                int row = 2 - 1 - point[1].intValue();
                assertEquals(map.get(0, 0, row, column), point[2].floatValue(), "cell " + row + ", " + column);
            }
            assertEquals(6, series.getHeatData().size());
            assertEquals(List.of(0, 1, 2), series.getXData());
            assertEquals(List.of(1, 0), series.getYData(), "the y labels count down so row 0 is drawn on top");
        }

        @Test
        void writeValuesOnlyInSmallMapsAndUseTheGivenScale() {
            HeatMapChart small = HeatMaps.chart(LESSON, "small", 0, 9);
            HeatMapChart large = HeatMaps.chart(FeatureMap.of(new double[20][20]), "large", 0, 1);
            assertTrue(small.getStyler().isShowValue());
            assertEquals(false, large.getStyler().isShowValue());
            assertEquals(0, small.getStyler().getMin());
            assertEquals(9, small.getStyler().getMax());
            assertEquals("small", small.getTitle());
        }

        @Test
        void renderToAnImage() {
            BufferedImage image = Plots.heatmap(LESSON, "The lesson's map");
            assertTrue(image.getWidth() >= 300 && image.getHeight() >= 250, image.getWidth() + "x" + image.getHeight());
        }

        @Test
        void needASinglePlane() {
            FeatureMap twoChannels = FeatureMap.of(new double[][][] {{{1}}, {{2}}});
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Plots.heatmap(twoChannels, "t"));
            assertTrue(error.getMessage().contains("map must be a single 1x1xHxW map but was 1x2x1x1"), error.getMessage());
            assertEquals(2 * Plots.heatmap(twoChannels.channel(0, 0), "channel 0").getWidth() + 12,
                    Plots.channels(twoChannels).getWidth());
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
