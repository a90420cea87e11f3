package org.poolinglab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The palette, for every reader")
class PaletteTest {

    /**
     * How people with the common colour-vision deficiencies see colours: 3x3 matrices on linear RGB
     * (Machado, Oliveira and Fernandes 2009, full severity), and normal vision.
     */
    enum Vision {
        NORMAL(1, 0, 0, 0, 1, 0, 0, 0, 1),
        PROTANOPIA(0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998),
        DEUTERANOPIA(0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881),
        TRITANOPIA(1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900);

        private final double[] matrix;

        Vision(double... matrix) {
            this.matrix = matrix;
        }

        /** The luminance of {@code colour} as seen with this vision: what a grey-scale copy would show. */
        double luminance(Color colour) {
            double[] rgb = Palette.linearRgb(colour);
            double[] seen = new double[3];
            for (int row = 0; row < 3; row++) {
                for (int column = 0; column < 3; column++) {
                    seen[row] += matrix[3 * row + column] * rgb[column];
                }
                seen[row] = Math.max(0, Math.min(1, seen[row]));
            }
            return 0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2];
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vision.class)
    void heatMapsReadDarkerForLargerValuesInGreyAndForColourBlindEyes(Vision vision) {
        int steps = 20;
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= steps; step++) {
            double luminance = vision.luminance(HeatMaps.colour(step, 0, steps));
            assertTrue(luminance < previous - 0.005, "step " + step + " of the heat scale should look darker than "
                    + "the one before with " + vision + ": luminance " + luminance + " after " + previous);
            previous = luminance;
        }
        double range = vision.luminance(Palette.HEAT[0]) - vision.luminance(Palette.HEAT[Palette.HEAT.length - 1]);
        assertTrue(range > 0.6, "the scale should span most of the way from light to dark, but spans " + range);
    }

    @Test
    void numbersWrittenOnAHeatMapAreReadableOnEveryColour() {
        for (int step = 0; step <= 20; step++) {
            Color cell = HeatMaps.colour(step, 0, 20);
            assertTrue(Palette.contrast(Palette.TEXT, cell) >= 4.5, "step " + step + ": " + cell + " has only "
                    + Palette.contrast(Palette.TEXT, cell) + ":1 with the numbers on it, where WCAG AA asks for 4.5:1");
        }
    }

    @Test
    void textInPicturesIsReadableOnWhatItIsWrittenOn() {
        for (Color background : new Color[] {Palette.BACKGROUND, Palette.CELL, Palette.PADDING, Palette.CHOSEN,
                Palette.AVERAGED, Palette.DONE}) {
            assertTrue(Palette.contrast(Palette.TEXT, background) >= 4.5, "text on " + background);
        }
        for (Color background : new Color[] {Palette.BACKGROUND, Palette.PADDING}) {
            assertTrue(Palette.contrast(Palette.MUTED_TEXT, background) >= 4.5, "muted text on " + background + ": "
                    + Palette.contrast(Palette.MUTED_TEXT, background));
        }
    }

    @Test
    void linesStandOutFromTheBackground() {
        for (Color series : Palette.SERIES) {
            Color line = Palette.line(series);
            assertTrue(Palette.contrast(line, Palette.BACKGROUND) >= Palette.LINE_CONTRAST,
                    line + " drawn for " + series);
        }
        assertEquals(Palette.WINDOW, Palette.line(Palette.WINDOW), "a dark colour stays as it is");
    }

    @Test
    void contrastIsWcags() {
        assertEquals(21, Palette.contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1, Palette.contrast(Palette.TEXT, Palette.TEXT), 1e-9);
        assertEquals(4.48, Palette.contrast(new Color(0x777777), Color.WHITE), 0.01, "the well-known #777 on white");
    }
}
