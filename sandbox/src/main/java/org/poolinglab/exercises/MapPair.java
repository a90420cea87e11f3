package org.poolinglab.exercises;

/**
 * Two maps of the same size, as the answer of the exercise {@code not-linear}: {@code a[row][column]}
 * and {@code b[row][column]}.
 */
public record MapPair(double[][] a, double[][] b) {
}
