package org.poolinglab.plot;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A picture with its text alternative: what it shows, in words, made from the data it was drawn from,
 * for readers who cannot see it (a screen reader reads it out). Every picture {@link Plots} draws is one.
 * <pre>{@code
 * Plots.heatmap(x, "The lesson's 4x4 map").description()
 * // Heat map "The lesson's 4x4 map", 4x4, darker for larger values (scale 0 to 9): row 0: 1, 3, 2, 1; ...
 * }</pre>
 * {@link #toString()} is the description too: a notebook cell that ends with a picture gives Jupyter the
 * picture and, as the output's plain text, its description, which the course site and the slides use as
 * the picture's {@code alt} text. (IJava puts {@code toString()} into every output as its plain text;
 * the kit's kernel does so for pictures that have a description.)
 */
public final class DescribedImage extends BufferedImage {

    private final String description;

    /** {@code image}'s pixels (shared, not copied) with {@code description}. */
    DescribedImage(BufferedImage image, String description) {
        super(image.getColorModel(), image.getRaster(), image.isAlphaPremultiplied(), null);
        this.description = Objects.requireNonNull(description, "description must not be null");
        if (description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
    }

    /** What the picture shows, in words. */
    public String description() {
        return description;
    }

    /** The {@link #description()}: what a kernel shows as the picture's plain text. */
    @Override
    public String toString() {
        return description;
    }
}
