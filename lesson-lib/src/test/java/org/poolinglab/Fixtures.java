package org.poolinglab;

import java.util.List;
import java.util.Random;

/** Inputs a person can check by hand, and seeded random ones for properties. */
final class Fixtures {

    /** The lesson's 4x4 feature map. */
    static final double[][] LESSON = {
            {1, 3, 2, 1},
            {4, 6, 5, 2},
            {7, 8, 9, 3},
            {1, 2, 0, 4}};

    /** The lesson's 2x2 max pooling, stride 2. */
    static final double[][] LESSON_MAX = {{6, 5}, {8, 9}};
    /** 2x2 average pooling, stride 2, as the lesson's outline gives it. */
    static final double[][] LESSON_AVERAGE = {{3.5, 2.5}, {4.5, 4.0}};
    static final double LESSON_GLOBAL_MAX = 9;
    static final double LESSON_GLOBAL_AVERAGE = 58.0 / 16;

    /** Specs of every kind that are valid for maps of at least 5x5. */
    static final List<PoolSpec> SPECS = List.of(
            PoolSpec.of(1),
            PoolSpec.of(2),
            PoolSpec.of(3).stride(1),
            PoolSpec.of(3).stride(2).padding(1),
            PoolSpec.of(2, 3).stride(1, 2),
            PoolSpec.of(3).stride(2).ceilMode(true),
            PoolSpec.of(3).stride(2).padding(1).ceilMode(true).countIncludePad(false),
            PoolSpec.of(2).stride(3),
            PoolSpec.of(4).padding(1, 2, 0, 1),
            PoolSpec.of(3).same(),
            PoolSpec.of(2).stride(2).sameLower(),
            PoolSpec.of(2).divisorOverride(3));

    private Fixtures() {
    }

    static FeatureMap lesson() {
        return FeatureMap.of(LESSON);
    }

    /** A map of standard-normal values, the same for the same seed. */
    static FeatureMap random(long seed, int... shape) {
        Random random = new Random(seed);
        float[] data = new float[shape[0] * shape[1] * shape[2] * shape[3]];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return FeatureMap.of(shape, data);
    }

    /**
     * The values 0, 0.1, 0.2, ... in a seeded random order: no two cells are closer than 0.1, so nudging
     * one cell by less than that never changes which cell is a window's maximum.
     */
    static FeatureMap distinct(long seed, int... shape) {
        int size = shape[0] * shape[1] * shape[2] * shape[3];
        java.util.List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, size).boxed().toList());
        java.util.Collections.shuffle(order, new Random(seed));
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = order.get(i) * 0.1f - size * 0.05f;
        }
        return FeatureMap.of(shape, data);
    }

    static FeatureMap constant(float value, int... shape) {
        float[] data = new float[shape[0] * shape[1] * shape[2] * shape[3]];
        java.util.Arrays.fill(data, value);
        return FeatureMap.of(shape, data);
    }

    /**
     * Standard-normal values, or (one map in three) small integers full of ties; and here and there NaN,
     * infinity, -infinity, 0.0 or -0.0.
     */
    static FeatureMap withSpecialValues(Random random, int... shape) {
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.0f, -0.0f};
        boolean ties = random.nextInt(3) == 0;
        float[] data = new float[shape[0] * shape[1] * shape[2] * shape[3]];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(50) == 0 ? special[random.nextInt(special.length)]
                    : ties ? random.nextInt(5) - 2 : (float) random.nextGaussian();
        }
        return FeatureMap.of(shape, data);
    }
}
