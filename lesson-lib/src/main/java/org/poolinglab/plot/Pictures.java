package org.poolinglab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.poolinglab.FeatureMap;

/**
 * Grey-scale pictures in a row under a title, each enlarged to about 112 pixels and captioned
 * with a few lines of text; a picture can be marked (a red frame and a red last line ending in a cross, so
 * that not only its colour says so), e.g. a wrong prediction. Drawn with Java2D: these are photographs, not
 * plots of values.
 */
final class Pictures {

    static final Color MARK = new Color(0xC62828);
    /** Ends the last line of a marked picture: a shape, seen also where red is not. */
    static final String CROSS = " \u2717";

    private Pictures() {
    }

    /** A picture's longest side is enlarged by a whole factor to at most this many pixels (at least 1x). */
    static int side() {
        return Palette.px(112);
    }

    static int gap() {
        return Palette.px(12);
    }

    static int lineHeight() {
        return Palette.px(18);
    }

    static int titleHeight() {
        return Palette.px(36);
    }

    /** The width of a marked picture's frame (in {@link #MARK}). */
    static int frame() {
        return Palette.px(3);
    }

    /** One picture and the lines under it; {@code marked} frames it and writes its last line in red. */
    record Tile(FeatureMap picture, List<String> lines, boolean marked) {

        int scale() {
            return Math.max(1, side() / Math.max(picture.height(), picture.width()));
        }

        int pictureWidth() {
            return picture.width() * scale();
        }

        int pictureHeight() {
            return picture.height() * scale();
        }

        /** As wide as the enlarged picture with its frame, or the widest line, whichever is wider. */
        int width() {
            int widest = pictureWidth() + 2 * frame();
            for (String line : shownLines()) {
                widest = Math.max(widest, Palette.width(line, Palette.label()));
            }
            return widest;
        }

        /** The lines as drawn: a marked picture's last line ends in {@link #CROSS}. */
        List<String> shownLines() {
            if (!marked) {
                return lines;
            }
            List<String> shown = new ArrayList<>(lines);
            shown.set(shown.size() - 1, shown.get(shown.size() - 1) + CROSS);
            return shown;
        }
    }

    /**
     * Tile {@code i} shows plane {@code (i, 0)} of {@code images}, with {@code captions.get(i)} split into
     * lines, marked when {@code marked[i]} ({@code marked} may be null: none is).
     */
    static List<Tile> tiles(FeatureMap images, List<String> captions, boolean[] marked) {
        checkImages(images);
        require(images.channels() == 1, "images must have 1 channel (grey-scale) but have " + images.channels());
        require(captions != null && captions.size() == images.batch(), "captions must caption all "
                + images.batch() + " images but caption " + (captions == null ? 0 : captions.size()));
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < images.batch(); i++) {
            tiles.add(new Tile(images.channel(i, 0), List.of(captions.get(i).split("\n")), marked != null && marked[i]));
        }
        return tiles;
    }

    /** Each image captioned "true: class" and "predicted: class", marked where the two differ. */
    static List<Tile> predictions(FeatureMap images, int[] labels, int[] predicted, List<String> classNames) {
        checkImages(images);
        require(classNames != null && !classNames.isEmpty(), "classNames must not be empty");
        int count = images.batch();
        require(labels != null && labels.length == count, "labels must have one label per image (" + count
                + ") but has " + (labels == null ? 0 : labels.length));
        require(predicted != null && predicted.length == count, "predicted must have one class per image ("
                + count + ") but has " + (predicted == null ? 0 : predicted.length));
        List<String> captions = new ArrayList<>();
        boolean[] wrong = new boolean[count];
        for (int i = 0; i < count; i++) {
            captions.add("true: " + className("labels", i, labels[i], classNames)
                    + "\npredicted: " + className("predicted", i, predicted[i], classNames));
            wrong[i] = predicted[i] != labels[i];
        }
        return tiles(images, captions, wrong);
    }

    private static String className(String name, int i, int label, List<String> classNames) {
        require(label >= 0 && label < classNames.size(), name + "[" + i + "] must be in [0, " + classNames.size()
                + ") (one of " + classNames.size() + " classes) but was " + label);
        return classNames.get(label);
    }

    static BufferedImage draw(String title, List<Tile> tiles) {
        require(!tiles.isEmpty(), "images must not be empty");
        int width = gap() * (tiles.size() - 1);
        int tallest = 0;
        for (Tile tile : tiles) {
            width += tile.width();
            tallest = Math.max(tallest, tile.pictureHeight() + 2 * frame() + lineHeight() * tile.lines().size());
        }
        width = Math.max(width, Palette.width(title, Palette.title()) + 2 * gap());
        BufferedImage image = new BufferedImage(width, titleHeight() + tallest + gap() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.canvas(image);
        try {
            g.setColor(Palette.TEXT);
            g.setFont(Palette.title());
            Palette.centred(g, title, width / 2, titleHeight() - Palette.px(12));
            int x = 0;
            for (Tile tile : tiles) {
                drawTile(g, tile, x, titleHeight());
                x += tile.width() + gap();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture centred at the top of its column, each cell a square of grey, then the lines. */
    private static void drawTile(Graphics2D g, Tile tile, int x, int y) {
        int scale = tile.scale();
        int left = x + (tile.width() - tile.pictureWidth()) / 2;
        int top = y + frame();
        if (tile.marked()) {
            g.setColor(MARK);
            g.fillRect(left - frame(), top - frame(), tile.pictureWidth() + 2 * frame(), tile.pictureHeight() + 2 * frame());
        }
        FeatureMap picture = tile.picture();
        for (int h = 0; h < picture.height(); h++) {
            for (int w = 0; w < picture.width(); w++) {
                g.setColor(grey(picture.get(0, 0, h, w)));
                g.fillRect(left + w * scale, top + h * scale, scale, scale);
            }
        }
        int baseline = top + tile.pictureHeight() + frame() + lineHeight() - Palette.px(4);
        g.setFont(Palette.label());
        List<String> lines = tile.shownLines();
        for (int i = 0; i < lines.size(); i++) {
            g.setColor(tile.marked() && i == lines.size() - 1 ? MARK : Palette.TEXT);
            Palette.centred(g, lines.get(i), x + tile.width() / 2, baseline + i * lineHeight());
        }
    }

    /** Brightness 0 (black) to 1 (white); values outside are clamped, NaN is drawn black. */
    static Color grey(float brightness) {
        int level = Float.isNaN(brightness) ? 0 : Math.round(Math.max(0f, Math.min(1f, brightness)) * 255);
        return new Color(level, level, level);
    }

    private static void checkImages(FeatureMap images) {
        if (images == null) {
            throw new NullPointerException("images must not be null");
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
