package org.poolinglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The colours, fonts and drawing set-up every picture shares, so they look like one family. */
final class Palette {

    /**
     * Heat-map colours from low to high: light yellow, orange, red-orange. Each step is darker than the one
     * before, also in grey and as protanopia, deuteranopia and tritanopia see it (PaletteTest), and the
     * darkest still has 4.5:1 contrast with the numbers written on it in {@link #TEXT}.
     */
    static final Color[] HEAT = {
            new Color(0xFFFFCC), new Color(0xFED976), new Color(0xFEB24C), new Color(0xF55A28)};
    /** Line and bar colours, light enough for dark labels on top. */
    static final Color[] SERIES = {
            new Color(0x6BAED6), new Color(0xFDAE61), new Color(0x74C476), new Color(0xE78AC3), new Color(0xBCBDDC)};
    /**
     * The colour of each kind of pooling (and of what replaces it) in every chart that names it, so that max
     * pooling has one colour in every notebook: a series whose name contains a key (lower case) takes its
     * colour, the first key that matches winning ({@link #seriesColour}). Light, like {@link #SERIES}.
     */
    static final Map<String, Color> POOLING_COLOURS = poolingColours();
    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x222222);
    /** Captions, axis numbers, padding: quieter than {@link #TEXT}, still 4.5:1 on white and on padding. */
    static final Color MUTED_TEXT = new Color(0x616161);
    static final Color GRID = new Color(0xBBBBBB);
    static final Color CELL = new Color(0xF4F4F4);
    static final Color PADDING = new Color(0xE2E2E2);
    static final Color WINDOW = new Color(0x1F5FBF);
    static final Color CHOSEN = new Color(0xFDAE61);
    static final Color AVERAGED = new Color(0xFEE0B6);
    static final Color DONE = new Color(0xDCEBFA);
    /** The ring around the cells that make a window's value: a shape, so they differ by more than colour. */
    static final Color RING = new Color(0x222222);
    /**
     * Each line series' marker and dash, by series number, with its colour: lines differ in shape as well as
     * in colour, so they can be told apart in grey or by colour-blind eyes.
     */
    static final Marker[] SERIES_MARKERS = {
            SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.TRIANGLE_DOWN};
    /** Dash patterns in pixels at normal size (dash, gap, ...), null for a solid line. */
    static final float[][] SERIES_DASHES = {null, {10, 6}, {1, 6}, {12, 5, 1, 5}, {4, 3}};

    /**
     * Lines and markers need at least this contrast with the white background (WCAG 2.1's 1.4.11: a graphic
     * one needs to understand the picture must be as visible as that).
     */
    static final double LINE_CONTRAST = 3;

    /** Pictures are drawn at most this wide and this high, so that a slide shows them readably. */
    static final int SLIDE_WIDTH = 1300;
    static final int SLIDE_HEIGHT = 760;

    /** How many times their normal size pictures are drawn: more than 1 for a projector ({@link Plots#scale}). */
    private static volatile double scale = 1;

    private Palette() {
    }

    private static Map<String, Color> poolingColours() {
        Map<String, Color> colours = new LinkedHashMap<>();
        colours.put("anti-aliased", SERIES[3]);         // pink
        colours.put("stride", SERIES[4]);               // lavender
        colours.put("global average head", new Color(0xD9B365)); // sand
        colours.put("moved pictures", new Color(0xBDBDBD)); // grey
        colours.put("no pooling", SERIES[0]);           // blue
        colours.put("max", SERIES[1]);                  // orange, as the cell a max pooling window keeps
        colours.put("average", SERIES[2]);              // green
        return Collections.unmodifiableMap(colours);
    }

    /**
     * The colour of series number {@code number} called {@code name}: its kind of pooling's colour when the
     * name says one ({@link #POOLING_COLOURS}), else the series colour of its place.
     */
    static Color seriesColour(String name, int number) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Color> kind : POOLING_COLOURS.entrySet()) {
            if (lower.contains(kind.getKey())) {
                return kind.getValue();
            }
        }
        return SERIES[number % SERIES.length];
    }

    static double scale() {
        return scale;
    }

    static void scale(double factor) {
        scale = factor;
    }

    /**
     * {@code colour} as lines and markers draw it: the same hue, darkened until it has {@value #LINE_CONTRAST}:1
     * contrast with the white background. The light {@link #SERIES} colours suit bars with dark labels on top,
     * but a thin line in them is hard to see.
     */
    static Color line(Color colour) {
        Color line = colour;
        while (contrast(line, BACKGROUND) < LINE_CONTRAST) {
            line = new Color(line.getRed() * 15 / 16, line.getGreen() * 15 / 16, line.getBlue() * 15 / 16);
        }
        return line;
    }

    /** The contrast ratio of two colours as WCAG defines it, from 1 (the same) to 21 (black on white). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The relative luminance of a colour, from 0 (black) to 1 (white), as WCAG defines it. */
    static double luminance(Color colour) {
        double[] linear = linearRgb(colour);
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    /** A colour's red, green and blue as light intensities from 0 to 1 (sRGB's gamma undone). */
    static double[] linearRgb(Color colour) {
        double[] channels = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        for (int i = 0; i < 3; i++) {
            double c = channels[i] / 255;
            channels[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return channels;
    }

    /** A length of {@code pixels} at normal size, at the current scale. */
    static int px(double pixels) {
        return (int) Math.round(pixels * scale);
    }

    static Font title() {
        return font(Font.BOLD, 18);
    }

    static Font subtitle() {
        return font(Font.PLAIN, 15);
    }

    static Font label() {
        return font(Font.PLAIN, 13);
    }

    static Font value() {
        return font(Font.BOLD, 16);
    }

    /** The sans-serif font of {@code size} pixels at normal size, at the current scale. */
    static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, px(size));
    }

    static BasicStroke thin() {
        return new BasicStroke((float) scale);
    }

    static BasicStroke thick() {
        return new BasicStroke((float) (4 * scale));
    }

    /** A white image with anti-aliased drawing, ready to paint on; dispose the graphics when done. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Without fractional metrics, the JDK draws bold text of 10 to 15 pixels as if it were plain.
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Draws {@code text} centred on {@code (centreX, baselineY)}. */
    static void centred(Graphics2D g, String text, int centreX, int baselineY) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, centreX - metrics.stringWidth(text) / 2, baselineY);
    }

    /** Draws {@code text} in bold in the middle of the square cell at {@code (x, y)}, as large as fits. */
    static void centredInCell(Graphics2D g, String text, int x, int y, int cell) {
        Font font = cellFont(text, cell);
        g.setFont(font);
        centred(g, text, x + cell / 2, y + cell / 2 + font.getSize() / 3);
    }

    /** The bold font in which {@code text} fits a square cell of {@code cell} pixels: as large as fits, within limits. */
    static Font cellFont(String text, int cell) {
        int smallest = px(9);
        int size = Math.max(smallest, Math.min(px(17), cell * 2 / 5));
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
        while (size > smallest && width(text, font) > cell - px(6)) {
            font = font.deriveFont((float) --size);
        }
        return font;
    }

    /**
     * {@code image} as it is when it fits a slide ({@value #SLIDE_WIDTH}x{@value #SLIDE_HEIGHT}), else shrunk
     * to fit, keeping its proportions.
     */
    static BufferedImage fitSlide(BufferedImage image) {
        double shrink = Math.min((double) SLIDE_WIDTH / image.getWidth(), (double) SLIDE_HEIGHT / image.getHeight());
        if (shrink >= 1) {
            return image;
        }
        int width = Math.max(1, (int) (image.getWidth() * shrink));
        int height = Math.max(1, (int) (image.getHeight() * shrink));
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(result);
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    /** The width {@code text} takes in {@code font}. */
    static int width(String text, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(scratch);
        try {
            return g.getFontMetrics(font).stringWidth(text);
        } finally {
            g.dispose();
        }
    }
}
