package org.poolinglab;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Global average pooling with the Vector API: {@link FastAveragePooling#floatLaneSum}'s eight float lanes,
 * added with one instruction, and folded in half the same way, so every mean has the same bits as there.
 * Two planes are summed side by side: a plane of 7 x 7 cells takes only six vector additions, and each must
 * wait for the one before it, so a second plane's additions keep the processor busy in the meantime. Only
 * for planes of at most {@link FastAveragePooling#CHUNK} cells (a network's last maps, 7 x 7 or 14 x 14), so
 * a plane is one chunk: with a loop over chunks, the JIT now and then compiled this method to half its
 * speed. Larger planes stay on the plain loop.
 *
 * <p>Only used when {@link FastAveragePooling#VECTOR_API} says the JVM has {@code jdk.incubator.vector}
 * (nothing loads this class otherwise), on maps of at least {@link FastAveragePooling#VECTOR_API_MIN_CELLS}
 * cells, and once {@link VectorApiWarmUp#ready()} says it is compiled.
 */
final class VectorWholePlanes {

    private static final VectorSpecies<Float> EIGHT_FLOATS = FloatVector.SPECIES_256;
    private static final VectorShuffle<Float> SWAP_FOURS = VectorShuffle.fromValues(EIGHT_FLOATS, 4, 5, 6, 7, 0, 1, 2, 3);
    private static final VectorShuffle<Float> SWAP_TWOS = VectorShuffle.fromValues(EIGHT_FLOATS, 2, 3, 0, 1, 6, 7, 4, 5);
    private static final VectorShuffle<Float> SWAP_ONES = VectorShuffle.fromValues(EIGHT_FLOATS, 1, 0, 3, 2, 5, 4, 7, 6);

    private VectorWholePlanes() {
    }

    /** Whether the processor adds eight floats in one instruction (otherwise the Vector API is slow). */
    static boolean hasEightFloatVectors() {
        return FloatVector.SPECIES_PREFERRED.length() >= EIGHT_FLOATS.length();
    }

    /**
     * {@code out[p]} = the sum of plane {@code p}'s {@code cells} cells over {@code divisor}, for planes
     * [first, end), each of at most {@link FastAveragePooling#CHUNK} cells: one chunk of floatLaneSum.
     */
    static void means(float[] in, int cells, double divisor, float[] out, int first, int end) {
        int lanesEnd = cells / 8 * 8; // cells before this one are added in lanes, the rest one by one
        int plane = first;
        for (; plane + 1 < end; plane += 2) {
            int a = plane * cells;
            int b = a + cells;
            FloatVector lanesA = FloatVector.zero(EIGHT_FLOATS);
            FloatVector lanesB = FloatVector.zero(EIGHT_FLOATS);
            for (int i = 0; i < lanesEnd; i += 8) {
                lanesA = lanesA.add(FloatVector.fromArray(EIGHT_FLOATS, in, a + i));
                lanesB = lanesB.add(FloatVector.fromArray(EIGHT_FLOATS, in, b + i));
            }
            double totalA = foldedInHalf(lanesA);
            double totalB = foldedInHalf(lanesB);
            for (int i = lanesEnd; i < cells; i++) {
                totalA += in[a + i];
                totalB += in[b + i];
            }
            out[plane] = (float) (totalA / divisor);
            out[plane + 1] = (float) (totalB / divisor);
        }
        if (plane < end) {
            out[plane] = (float) (FastAveragePooling.floatLaneSum(in, plane * cells, plane * cells + cells) / divisor);
        }
    }

    /** Lane k plus lane k + 4, then k + 2, then k + 1: the eight lanes' sum, in floatLaneSum's order. */
    private static float foldedInHalf(FloatVector lanes) {
        lanes = lanes.add(lanes.rearrange(SWAP_FOURS));
        lanes = lanes.add(lanes.rearrange(SWAP_TWOS));
        lanes = lanes.add(lanes.rearrange(SWAP_ONES));
        return lanes.lane(0);
    }
}
