package org.poolinglab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Pooling;

@DisplayName("Every picture says what it shows")
class DescriptionsTest {

    private static final FeatureMap LESSON = FeatureMap.of(new double[][] {
            {1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}});

    @Test
    void everyPictureMethodReturnsADescribedImage() {
        List<String> undescribed = new ArrayList<>();
        for (Class<?> type : List.of(Plots.class, Stepper.class)) {
            for (Method method : type.getDeclaredMethods()) {
                boolean picture = BufferedImage.class.isAssignableFrom(method.getReturnType());
                if (Modifier.isPublic(method.getModifiers()) && picture
                        && method.getReturnType() != DescribedImage.class) {
                    undescribed.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), undescribed, "these return a picture without a description");
    }

    @Test
    void isThePicturesPlainText() {
        DescribedImage image = Plots.heatmap(LESSON, "x");
        assertEquals(image.description(), image.toString(), "what a kernel shows as the output's text/plain");
    }

    @Nested
    @DisplayName("heat maps")
    class HeatMapsSay {

        @Test
        void aSmallMapsValuesRowByRow() {
            assertEquals("Heat map \"The lesson's map\", 4x4, darker for larger values (scale 0 to 9): "
                            + "row 0: 1, 3, 2, 1; row 1: 4, 6, 5, 2; row 2: 7, 8, 9, 3; row 3: 1, 2, 0, 4.",
                    Plots.heatmap(LESSON, "The lesson's map").description());
        }

        @Test
        void aLargeMapsSizeAndRange() {
            double[][] values = new double[20][30];
            values[3][7] = 2.5;
            values[5][1] = -1;
            assertEquals("Heat map \"large\", 20x30, darker for larger values (scale -1 to 2.5): values from -1 to "
                            + "2.5, mean 0.003, 100% of cells 0, the largest first at row 3, column 7.",
                    Plots.heatmap(FeatureMap.of(values), "large").description());
        }

        @Test
        void eachMapOfARowWithItsTitleAndTheSharedScale() {
            String text = Plots.sideBySide(List.of("input", "max", "global average"), List.of(LESSON,
                    Pooling.maxPool(LESSON, PoolSpec.of(2)), Pooling.globalAvgPool(LESSON))).description();
            assertTrue(text.startsWith("3 heat maps side by side, darker for larger values (scale 0 to 9). input, "
                    + "4x4: row 0: 1, 3, 2, 1;"), text);
            assertTrue(text.contains(". max, 2x2: row 0: 6, 5; row 1: 8, 9. global average, 1x1: value 3.625."), text);
        }

        @Test
        void everyChannelByItsName() {
            FeatureMap twoChannels = FeatureMap.of(new double[][][] {{{1, 2}, {3, 4}}, {{0, 0}, {0, 5}}});
            String text = Plots.channels(twoChannels, "edges", "corners").description();
            assertTrue(text.contains("channel 0: edges, 2x2: row 0: 1, 2; row 1: 3, 4."), text);
            assertTrue(text.contains("channel 1: corners, 2x2: row 0: 0, 0; row 1: 0, 5."), text);
        }

        @Test
        void beforeAndAfterWithThePooling() {
            String text = Plots.beforeAfter(LESSON, PoolSpec.of(2), PoolType.MAX).description();
            assertTrue(text.startsWith("2x2 max pooling, stride 2: 4x4 to 2x2. 2 heat maps side by side"), text);
            assertTrue(text.endsWith("output, 2x2: row 0: 6, 5; row 1: 8, 9."), text);
        }
    }

    @Nested
    @DisplayName("window frames")
    class WindowFramesSay {

        @Test
        void theStepTheWindowsPlaceAndTheValueKept() {
            List<BufferedImage> frames = Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.MAX);
            assertEquals("Step 2 of 4 of 2x2 max pooling, stride 2: the window covers rows 0 to 1, columns 2 to 3 "
                    + "of the 4x4 input; max(2, 1, 5, 2) = 5 goes to output row 0, column 1.", text(frames.get(1)));
        }

        @Test
        void thePaddingInWords() {
            List<BufferedImage> frames = Plots.windowFrames(LESSON, PoolSpec.of(3).stride(2).padding(1), PoolType.MAX);
            assertEquals("Step 1 of 4 of 3x3 max pooling, stride 2, padding 1: the window covers rows -1 to 1, "
                    + "columns -1 to 1 of the 4x4 input (5 of its 9 cells in the padding); max(minus infinity, minus "
                    + "infinity, minus infinity, minus infinity, 1, 3, minus infinity, 4, 6) = 6 goes to output row 0, "
                    + "column 0.", text(frames.get(0)));
        }

        @Test
        void theAveragesArithmetic() {
            List<BufferedImage> frames = Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.AVERAGE);
            assertTrue(text(frames.get(3)).endsWith("(9 + 3 + 0 + 4) / 4 = 4 goes to output row 1, column 1."),
                    text(frames.get(3)));
        }

        @Test
        void theStepperSaysTheStepItShows() {
            Stepper stepper = new Stepper();
            stepper.next(LESSON, PoolSpec.of(2), PoolType.MAX);
            assertTrue(stepper.next(LESSON, PoolSpec.of(2), PoolType.MAX).description().startsWith("Step 2 of 4"));
        }

        @Test
        void aGridOfThemEachInTurn() {
            String text = Plots.grid(Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.MAX), 2).description();
            assertTrue(text.startsWith("4 pictures in rows of 2, left to right. Picture 1: Step 1 of 4 "), text);
            assertTrue(text.contains(" Picture 4: Step 4 of 4 "), text);
        }

        @Test
        void markTheCellsThatMakeTheValueByShapeToo() {
            WindowFrames frames = Plots.windowFrames(LESSON, PoolSpec.of(2), PoolType.MAX, "test");
            WindowFrames.LegendEntry maximum = frames.legend(Pooling.steps(LESSON, PoolSpec.of(2), PoolType.MAX)
                    .get(0)).get(1);
            assertEquals("the maximum", maximum.label());
            assertTrue(maximum.ringed(), "ringed in the frame and in the legend, not only orange");
        }

        private String text(BufferedImage frame) {
            return assertInstanceOf(DescribedImage.class, frame).description();
        }
    }

    @Nested
    @DisplayName("charts")
    class ChartsSay {

        @Test
        void aLineChartsSeriesAndWhatTheyDo() {
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put("2x2", new double[] {27, 14, 9});
            series.put("3x3", new double[] {26, 13, 13});
            assertEquals("Line chart \"Output side\": output side against stride (1, 2, 3), one line per series, "
                            + "each with its own marker and dash. 2x2: 27, 14, 9 (falls). 3x3: 26, 13, 13 (falls).",
                    Plots.lines("Output side", "stride", "output side", new double[] {1, 2, 3}, series)
                            .description());
        }

        @Test
        void aLongSeriesByItsCourse() {
            double[] x = new double[12];
            double[] loss = new double[12];
            for (int i = 0; i < 12; i++) {
                x[i] = (i + 1) / 4.0;
                loss[i] = i == 5 ? 0.2 : 1 - i / 20.0;
            }
            String text = Plots.lines("Loss", "epochs", "loss", x, Map.of("max", loss)).description();
            assertTrue(text.endsWith("max: falls overall, with ups and downs, from 1 at 0.25 to 0.45 at 3; "
                    + "lowest 0.2 at 1.5, highest 1 at 0.25."), text);
        }

        @Test
        void eachLineHasItsOwnMarkerAndDash() {
            Map<String, double[]> series = new LinkedHashMap<>();
            for (String name : List.of("a", "b", "c", "d")) {
                series.put(name, new double[] {1, 2});
            }
            XYChart chart = Plots.lineChart("t", "x", "y", new double[] {0, 1}, series);
            Set<Object> markers = new HashSet<>();
            Set<String> dashes = new HashSet<>();
            for (XYSeries line : chart.getSeriesMap().values()) {
                markers.add(line.getMarker());
                dashes.add(java.util.Arrays.toString(line.getLineStyle().getDashArray()));
            }
            assertEquals(4, markers.size(), "four marker shapes for four lines");
            assertEquals(4, dashes.size(), "four dash patterns for four lines");
        }

        @Test
        void aBarChartOfOneSeriesByCategory() {
            assertEquals("Bar chart \"Time\" (milliseconds): no pooling: 1.062; pooled: 0.217.", Plots.bars("Time",
                    "milliseconds", List.of("no pooling", "pooled"), Map.of("time", new double[] {1.062, 0.217}))
                    .description());
        }

        @Test
        void aBarChartsValuesByCategoryAndSeries() {
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put("with pooling", new double[] {192.06, 5.26});
            series.put("without pooling", new double[] {804.38, 93.42});
            assertEquals("Bar chart \"Cost\" (thousands), in each group the bars in the legend's order: "
                            + "multiply-adds: with pooling 192.06, without pooling 804.38; parameters: with pooling "
                            + "5.26, without pooling 93.42.",
                    Plots.bars("Cost", "thousands", List.of("multiply-adds", "parameters"), series).description());
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"1 2 3, rises", "3 2 2, falls", "1 1 1, stays the same", "1 3 2, rises then falls",
                "3 1 2, falls then rises", "1 3 2 4, 'rises overall, with ups and downs'",
                "4 1 3 2, 'falls overall, with ups and downs'", "1 3 1 3 1, goes up and down"})
        void trends(String values, String trend) {
            assertEquals(trend, Descriptions.trend(java.util.Arrays.stream(values.split(" "))
                    .mapToDouble(Double::parseDouble).toArray()));
        }
    }

    @Nested
    @DisplayName("rows of pictures")
    class PicturesSay {

        private final FeatureMap two = FeatureMap.of(new int[] {2, 1, 3, 3}, new float[18]);

        @Test
        void theirCaptions() {
            assertEquals("\"Drawn\": 2 grey-scale pictures of 3x3 pixels, captioned: 1. a seven, 3x3; 2. a box.",
                    Plots.pictures("Drawn", two, List.of("a seven\n3x3", "a box")).description());
        }

        @Test
        void trueAndPredictedClassesAndWhichAreWrong() {
            String text = Plots.predictions("Test", two, new int[] {0, 1}, new int[] {0, 0}, List.of("shirt", "shoe"))
                    .description();
            assertEquals("\"Test\": 2 grey-scale pictures of 3x3 pixels, each with its true and its predicted class "
                    + "(1 wrong, framed in red and crossed): 1. true: shirt, predicted: shirt; 2. true: shoe, predicted: "
                    + "shirt (wrong).", text);
        }

        @Test
        void aRowSaysEachOfItsPictures() {
            BufferedImage plain = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
            DescribedImage row = Plots.row(Plots.heatmap(LESSON, "a"), plain);
            assertTrue(row.description().startsWith("2 pictures side by side. Picture 1: Heat map \"a\""),
                    row.description());
            assertTrue(row.description().endsWith("Picture 2: a picture of 5x4 pixels without a description."),
                    row.description());
            assertNotEquals(row.description(), Plots.row(Plots.heatmap(LESSON, "a")).description());
        }
    }
}
