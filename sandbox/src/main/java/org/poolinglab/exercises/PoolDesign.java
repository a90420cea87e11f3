package org.poolinglab.exercises;

/**
 * The settings of a square pooling layer, as the answer of the exercise {@code overlapping-pooling}: a
 * {@code window x window} window moving {@code stride} cells at a time over a map with {@code padding}
 * cells of padding on each side.
 */
public record PoolDesign(int window, int stride, int padding) {
}
