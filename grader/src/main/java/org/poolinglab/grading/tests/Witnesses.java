package org.poolinglab.grading.tests;

import java.util.Arrays;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.grading.MapAssert;

/**
 * What the witness exercises ask of a map, checked with lesson-lib: the right size, values a map of
 * floats holds exactly enough, and 2x2 max pooling with stride 2.
 */
final class Witnesses {

    /** The largest value a witness may hold: floats hold every whole number up to here exactly. */
    static final double LARGEST = 1000;

    private Witnesses() {
    }

    /** Why {@code map} is not a {@code size x size} map of values in [-1000, 1000] (naming it {@code what}), or null. */
    static String notAMap(double[][] map, int size, String what) {
        if (map == null) {
            return what + " is null";
        }
        if (map.length != size || Arrays.stream(map).anyMatch(row -> row == null || row.length != size)) {
            return what + " is " + shape(map) + ", not " + size + "x" + size;
        }
        for (double[] row : map) {
            for (double value : row) {
                if (!(Math.abs(value) <= LARGEST)) {
                    return what + " holds " + value + ": keep every value between -1000 and 1000";
                }
            }
        }
        return null;
    }

    /** "3x4", or "null" and "ragged" for what is no map. */
    static String shape(double[][] map) {
        if (map == null) {
            return "null";
        }
        if (Arrays.stream(map).anyMatch(row -> row == null || row.length != map[0].length)) {
            return "a ragged array";
        }
        return map.length + "x" + (map.length == 0 ? 0 : map[0].length);
    }

    /** 2x2 max pooling with stride 2 (lesson-lib's, PyTorch's). */
    static double[][] maxPool(double[][] map) {
        return Pooling.maxPool(FeatureMap.of(map), PoolSpec.of(2)).toArray();
    }

    /** The mean of a map's cells. */
    static double mean(double[][] map) {
        return Arrays.stream(map).flatMapToDouble(Arrays::stream).average().orElse(0);
    }

    /** Whether two numbers differ by more than rounding can explain. */
    static boolean differ(double first, double second) {
        return Math.abs(first - second) > MapAssert.TOLERANCE * (1 + Math.abs(first));
    }

    static double[][] sum(double[][] a, double[][] b) {
        double[][] sum = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                sum[r][c] = a[r][c] + b[r][c];
            }
        }
        return sum;
    }
}
