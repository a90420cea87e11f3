package org.poolinglab.nn;

/**
 * The two loops every layer's matrix products are made of, on runs of {@code length} numbers in flat
 * arrays. They are the innermost loops of the network, so they are written for speed: the JIT compiler
 * turns {@link #addScaled} into vector instructions by itself, and {@link #dot} keeps eight running totals
 * so the processor can work on eight additions at once instead of waiting for each before the next.
 */
final class Vectors {

    private Vectors() {
    }

    /** {@code target[targetFrom + i] += scale * source[sourceFrom + i]} for {@code i < length}. */
    static void addScaled(float[] target, int targetFrom, float[] source, int sourceFrom, float scale, int length) {
        for (int i = 0; i < length; i++) {
            target[targetFrom + i] += scale * source[sourceFrom + i];
        }
    }

    /** The sum of {@code a[aFrom + i] * b[bFrom + i]} for {@code i < length}. */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            int a0 = aFrom + i;
            int b0 = bFrom + i;
            s0 += a[a0] * b[b0];
            s1 += a[a0 + 1] * b[b0 + 1];
            s2 += a[a0 + 2] * b[b0 + 2];
            s3 += a[a0 + 3] * b[b0 + 3];
            s4 += a[a0 + 4] * b[b0 + 4];
            s5 += a[a0 + 5] * b[b0 + 5];
            s6 += a[a0 + 6] * b[b0 + 6];
            s7 += a[a0 + 7] * b[b0 + 7];
        }
        float sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < length; i++) {
            sum += a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }
}
