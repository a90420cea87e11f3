package org.poolinglab;

/** What a pooling window does with the cells it covers. */
public enum PoolType {
    /** Keep the largest value of the window: the strongest activation. */
    MAX,
    /** Keep the mean of the window: a smoother, less noise-sensitive summary. */
    AVERAGE;

    /** Pools {@code input} with this type: {@link Pooling#maxPool} or {@link Pooling#avgPool}. */
    public FeatureMap apply(FeatureMap input, PoolSpec spec) {
        return this == MAX ? Pooling.maxPool(input, spec) : Pooling.avgPool(input, spec);
    }
}
