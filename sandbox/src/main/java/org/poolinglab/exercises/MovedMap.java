package org.poolinglab.exercises;

/**
 * A map and a one-cell move of it, as the answer of the exercise {@code aliasing}: every value of
 * {@code map[row][column]} moves one cell in the direction of {@code move}.
 */
public record MovedMap(double[][] map, Shift move) {
}
