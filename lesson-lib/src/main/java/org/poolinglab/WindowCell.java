package org.poolinglab;

/**
 * One cell a pooling window covers, in input coordinates. Padding cells lie outside the input (a
 * negative row, or one past the last) and hold what the pooling sees there: -infinity for max, 0 for
 * average.
 */
public record WindowCell(int row, int column, float value, boolean padding) {
}
