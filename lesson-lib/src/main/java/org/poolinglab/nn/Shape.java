package org.poolinglab.nn;

import org.poolinglab.FeatureMap;
import org.poolinglab.Size;

/**
 * The shape of one image as it flows through a network: channels, height and width. A dense layer's
 * values are {@code features x 1 x 1}. Prints as {@code 8 x 28 x 28}.
 */
public record Shape(int channels, int height, int width) {

    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape must be at least 1 x 1 x 1 but was "
                    + channels + " x " + height + " x " + width);
        }
    }

    /** The shape of each image of {@code map}: its channels, height and width. */
    public static Shape of(FeatureMap map) {
        return new Shape(map.channels(), map.height(), map.width());
    }

    /** How many values one image of this shape holds: channels x height x width. */
    public int size() {
        return channels * height * width;
    }

    /** The same channels at another height and width, e.g. after pooling. */
    public Shape withSize(Size size) {
        return new Shape(channels, size.height(), size.width());
    }

    @Override
    public String toString() {
        return channels + " x " + height + " x " + width;
    }
}
