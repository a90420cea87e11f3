package org.poolinglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.poolinglab.FeatureMap;

/**
 * Small grey-scale pictures drawn in Java (nothing is downloaded), and the few image operations the
 * experiments need. Brightness runs from 0 (black background) to 1 (white strokes).
 */
public final class Images {

    private Images() {
    }

    /** {@code text} (a digit, a letter) drawn white on black, filling a {@code size x size} square. */
    public static FeatureMap text(String text, int size) {
        check(size);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blackCanvas(image);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 4 / 5));
            g.setColor(Color.WHITE);
            Palette.centred(g, text, size / 2, size * 4 / 5 - size / 20);
        } finally {
            g.dispose();
        }
        return toFeatureMap(image);
    }

    /** A square, a circle, a triangle and a diagonal line, outlined in white on black. */
    public static FeatureMap shapes(int size) {
        check(size);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blackCanvas(image);
        try {
            int half = size / 2;
            int inset = size / 10;
            int side = half - 2 * inset;
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(Math.max(1f, size / 24f)));
            g.drawRect(inset, inset, side, side);
            g.drawOval(half + inset, inset, side, side);
            g.drawPolygon(new int[] {inset, inset + side / 2, inset + side},
                    new int[] {size - inset, half + inset, size - inset}, 3);
            g.drawLine(half + inset, half + inset, size - inset, size - inset);
        } finally {
            g.dispose();
        }
        return toFeatureMap(image);
    }

    /** A picture as a {@code 1 x 1 x H x W} map of brightness in [0, 1] (the mean of red, green, blue). */
    public static FeatureMap toFeatureMap(BufferedImage image) {
        if (image == null) {
            throw new NullPointerException("image must not be null");
        }
        double[][] rows = new double[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                rows[y][x] = (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / (3 * 255.0);
            }
        }
        return FeatureMap.of(rows);
    }

    /**
     * Every plane moved {@code down} rows and {@code right} columns (negative: up, left); cells shifted
     * in from outside are 0 and cells shifted out are lost.
     */
    public static FeatureMap shift(FeatureMap map, int down, int right) {
        int[] shape = map.shape();
        int height = shape[2];
        int width = shape[3];
        float[] in = map.toFloatArray();
        float[] out = new float[in.length];
        for (int plane = 0; plane < shape[0] * shape[1]; plane++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    int fromH = h - down;
                    int fromW = w - right;
                    if (fromH >= 0 && fromH < height && fromW >= 0 && fromW < width) {
                        out[(plane * height + h) * width + w] = in[(plane * height + fromH) * width + fromW];
                    }
                }
            }
        }
        return FeatureMap.of(shape, out);
    }

    /** Every cell repeated {@code factor x factor} times (nearest-neighbour upsampling), undoing a pooling's shrink in size only. */
    public static FeatureMap upsample(FeatureMap map, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1 but was " + factor);
        }
        int[] shape = map.shape();
        int height = shape[2];
        int width = shape[3];
        float[] in = map.toFloatArray();
        float[] out = new float[in.length * factor * factor];
        int outWidth = width * factor;
        for (int plane = 0; plane < shape[0] * shape[1]; plane++) {
            for (int h = 0; h < height * factor; h++) {
                for (int w = 0; w < outWidth; w++) {
                    out[(plane * height * factor + h) * outWidth + w] = in[(plane * height + h / factor) * width + w / factor];
                }
            }
        }
        return FeatureMap.of(new int[] {shape[0], shape[1], height * factor, outWidth}, out);
    }

    private static Graphics2D blackCanvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static void check(int size) {
        if (size < 8) {
            throw new IllegalArgumentException("size must be >= 8 but was " + size);
        }
    }
}
