package org.poolinglab.exercises;

/**
 * A move of a whole map by one cell, as in the exercise {@code aliasing}: every value moves one
 * cell in this direction; the cells that come in from outside are 0 and the values that move out are
 * lost (as {@code Images.shift} does).
 */
public enum Shift {
    /** Every value moves one row up: row r takes row r + 1's values. */
    UP(-1, 0),
    /** Every value moves one row down: row r takes row r - 1's values. */
    DOWN(1, 0),
    /** Every value moves one column to the left. */
    LEFT(0, -1),
    /** Every value moves one column to the right. */
    RIGHT(0, 1);

    private final int down;
    private final int right;

    Shift(int down, int right) {
        this.down = down;
        this.right = right;
    }

    /** How many rows the values move down (-1: up). */
    public int down() {
        return down;
    }

    /** How many columns the values move to the right (-1: left). */
    public int right() {
        return right;
    }
}
