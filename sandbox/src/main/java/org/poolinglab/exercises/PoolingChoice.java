package org.poolinglab.exercises;

/** The three kinds of pooling of the lesson, as the answer of the exercise {@code choose-pooling}. */
public enum PoolingChoice {
    /** 2x2 max pooling, stride 2: the largest value of each window. */
    MAX,
    /** 2x2 average pooling, stride 2: the mean of each window. */
    AVERAGE,
    /** Global average pooling: one mean per channel, for the whole map. */
    GLOBAL_AVERAGE
}
