package org.poolinglab.nn;

/**
 * The loops every layer's matrix products are made of. They are the innermost loops of the network, so
 * they are written for speed: each reads and writes whole rows, every array at the same index {@code i},
 * which is the loop the JIT compiles to SIMD instructions (8 or 16 floats at once). The same loop over
 * two rows of one flat array, at different offsets, runs about five times slower: the compiler cannot rule
 * out that the rows overlap. So the layers lay out what they multiply as separate rows ({@code float[][]}).
 */
final class Vectors {

    private Vectors() {
    }

    /** {@code target[i] += scale * source[i]} for every {@code i}. */
    static void addScaled(float[] target, float[] source, float scale) {
        for (int i = 0; i < target.length; i++) {
            target[i] += scale * source[i];
        }
    }

    /**
     * {@link #addScaled} into four targets with four scales from one source: {@code t0[i] += s0 * source[i]},
     * ..., {@code t3[i] += s3 * source[i]}. Four filters of a convolution at once: each value of the
     * source is read once instead of four times. Each target gets the same additions as from
     * {@link #addScaled}, so the same bits.
     */
    static void addScaledFour(float[] t0, float[] t1, float[] t2, float[] t3, float[] source,
                              float s0, float s1, float s2, float s3) {
        for (int i = 0; i < source.length; i++) {
            float value = source[i];
            t0[i] += s0 * value;
            t1[i] += s1 * value;
            t2[i] += s2 * value;
            t3[i] += s3 * value;
        }
    }

    /**
     * {@code target[i] += s0 * a0[i] + s1 * a1[i] + s2 * a2[i] + s3 * a3[i]}, added left to right: four
     * {@link #addScaled} into one target, which is read and written once instead of four times, with
     * the same bits.
     */
    static void addScaledSumOfFour(float[] target, float[] a0, float[] a1, float[] a2, float[] a3,
                                   float s0, float s1, float s2, float s3) {
        for (int i = 0; i < target.length; i++) {
            target[i] = target[i] + s0 * a0[i] + s1 * a1[i] + s2 * a2[i] + s3 * a3[i];
        }
    }

    /** {@code target[i] += a[i] * b[i]} for every {@code i}. */
    static void addProducts(float[] target, float[] a, float[] b) {
        for (int i = 0; i < target.length; i++) {
            target[i] += a[i] * b[i];
        }
    }

    /**
     * The sum of {@code a[i] * b[i]} over every {@code i}, in eight running sums so the processor can
     * work on eight additions at once instead of waiting for each before the next (a sum cannot use SIMD
     * instructions: they would change the order of the additions, which Java does not allow).
     */
    static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 8 <= a.length; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        float sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The sum of {@code a[i]} over every {@code i}. */
    static float sum(float[] a) {
        float sum = 0;
        for (float value : a) {
            sum += value;
        }
        return sum;
    }

    /** Row {@code r} of a flat row-major array with rows of {@code length}, as an array of its own (a copy). */
    static float[] row(float[] flat, int r, int length) {
        float[] row = new float[length];
        System.arraycopy(flat, r * length, row, 0, length);
        return row;
    }

    /** Every row of a flat row-major array with rows of {@code length}, each as an array of its own (copies). */
    static float[][] rows(float[] flat, int length) {
        float[][] rows = new float[flat.length / length][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = row(flat, r, length);
        }
        return rows;
    }
}
