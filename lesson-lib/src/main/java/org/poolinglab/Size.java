package org.poolinglab;

/**
 * The height and width of a feature map, heights first as everywhere in this library. Prints as
 * {@code HxW}, e.g. {@code 2x2}.
 *
 * @param height number of rows
 * @param width  number of columns
 */
public record Size(int height, int width) {

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
