package org.poolinglab.grading.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;

/**
 * Inputs and expected answers for the graded tests. Expected maps come from lesson-lib, whose pooling
 * is checked against PyTorch by its conformance suite; the lesson's own numbers are written out.
 */
final class Cases {

    static final double[][] LESSON = {{1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}};
    static final double[][] LESSON_MAX = {{6, 5}, {8, 9}};
    static final double[][] LESSON_AVERAGE = {{3.5, 2.5}, {4.5, 4.0}};

    private Cases() {
    }

    /** A map of small whole numbers (easy to read in a failure message), the same for the same seed. */
    static double[][] map(long seed, int rows, int cols, int low, int high) {
        Random random = new Random(seed);
        double[][] map = new double[rows][cols];
        for (double[] row : map) {
            for (int c = 0; c < cols; c++) {
                row[c] = low + random.nextInt(high - low + 1);
            }
        }
        return map;
    }

    /**
     * A map of {@code rows x cols} different whole numbers from {@code low} up, in an order that is the same
     * for the same seed: no window holds two equal values, so no tie rule comes into play.
     */
    static double[][] distinct(long seed, int rows, int cols, int low) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < rows * cols; i++) {
            values.add(low + i);
        }
        java.util.Collections.shuffle(values, new Random(seed));
        double[][] map = new double[rows][cols];
        for (int i = 0; i < values.size(); i++) {
            map[i / cols][i % cols] = values.get(i);
        }
        return map;
    }

    static double[][] maxPool(double[][] x, int window, int stride) {
        return Pooling.maxPool(FeatureMap.of(x), PoolSpec.of(window).stride(stride)).toArray();
    }

    static double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad) {
        return Pooling.avgPool(FeatureMap.of(x), PoolSpec.of(window).stride(stride).padding(padding)
                .countIncludePad(countIncludePad)).toArray();
    }

    /** The top left {@code rows x cols} of a map (empty when either is 0 or less), or null when the map is smaller. */
    static double[][] topLeft(double[][] map, int rows, int cols) {
        if (map.length < rows || map[0].length < cols) {
            return null;
        }
        double[][] part = new double[Math.max(0, rows)][];
        for (int r = 0; r < part.length; r++) {
            part[r] = Arrays.copyOf(map[r], Math.max(0, cols));
        }
        return part;
    }

    /** Rows become columns. */
    static double[][] transpose(double[][] map) {
        double[][] result = new double[map[0].length][map.length];
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                result[c][r] = map[r][c];
            }
        }
        return result;
    }

    /** Sizes, windows and strides that fit: {rows, cols, window, stride}. */
    static List<int[]> slidingSettings() {
        List<int[]> settings = new ArrayList<>();
        settings.add(new int[] {4, 4, 2, 2});
        settings.add(new int[] {5, 5, 2, 2});
        settings.add(new int[] {6, 4, 3, 1});
        settings.add(new int[] {3, 7, 2, 1});
        settings.add(new int[] {7, 7, 3, 2});
        settings.add(new int[] {1, 1, 1, 1});
        settings.add(new int[] {8, 5, 2, 3});
        return settings;
    }

    /** A {@code rows x cols} gradient of the output: 1, 2, 3, ... row by row, so each window's share can be told apart. */
    static double[][] numbered(int rows, int cols) {
        double[][] map = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                map[r][c] = r * cols + c + 1;
            }
        }
        return map;
    }

}
