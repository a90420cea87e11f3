package org.poolinglab.exercises;

/**
 * What a pooling layer has to do, in the exercise {@code choose-pooling}. The exercise notebook
 * describes each task; the graded tests try the chosen pooling on a map that shows the task's need.
 */
public enum PoolingTask {
    /** The worked example: the last 512 x 7 x 7 maps of a classifier feed a dense layer with as few weights as possible. */
    FEWEST_WEIGHTS,
    /** Halve a 4x4 sensor map to 2x2 so that one stuck pixel moves the result as little as possible. */
    STUCK_PIXEL,
    /** Halve a map of edges one cell wide so that every edge keeps its full strength and its place. */
    THIN_EDGE,
    /** Give a dense layer the same number of values for pictures of any size, wherever the object is. */
    ANY_SIZE
}
