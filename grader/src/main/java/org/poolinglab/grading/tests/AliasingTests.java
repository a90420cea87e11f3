package org.poolinglab.grading.tests;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.Answers;
import org.poolinglab.exercises.MovedMap;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Properties;
import org.poolinglab.grading.Properties.Symptom;
import org.poolinglab.grading.Submitted;

/**
 * Any map and move are right that lose no value and change the global average of the map's 2x2 max
 * pooling with stride 2: lesson-lib pools the map before and after the move. Nothing here is the answer.
 */
@DisplayName("aliasing")
public class AliasingTests {

    private final Answers.Aliasing answer = Submitted.answer(Answers.Aliasing.class);

    @Test
    @Points(5)
    @DisplayName("4x4 and 6x6 maps whose pooled average a one-cell move changes")
    void smallMaps() {
        check(4, 6);
    }

    @Test
    @Points(5)
    @Hidden
    @DisplayName("8x8 and 10x10 maps")
    void largerMaps() {
        check(8, 10);
    }

    private void check(int... sizes) {
        Properties<MovedMap> calls = new Properties<>();
        for (int size : sizes) {
            String call = "aliasing(" + size + ")";
            calls.add(call, answer.apply(size), moved -> problem(moved, size, call), List.of(
                    Symptom.of(Mistake.MOVE_CHANGES_NOTHING, moved -> notAMap(moved, size, call) == null && lost(moved) == null,
                            moved -> new Object[] {number(pooledMean(moved.map()))}),
                    Symptom.of(Mistake.VALUE_MOVED_OUT, moved -> notAMap(moved, size, call) == null && lost(moved) != null,
                            moved -> new Object[] {lost(moved)}),
                    Symptom.of(Mistake.MAP_OF_THE_WRONG_SIZE, moved -> moved.map() != null && moved.move() != null
                                    && !Witnesses.shape(moved.map()).equals(size + "x" + size),
                            moved -> new Object[] {Witnesses.shape(moved.map()), size, size, size})));
        }
        calls.verify();
    }

    /** Why the answer is no map of the size asked for, of values between 0 and 1000, with a move; or null. */
    private static String notAMap(MovedMap moved, int size, String call) {
        if (moved.move() == null) {
            return call + " returned no move (null)";
        }
        String notAMap = Witnesses.notAMap(moved.map(), size, call + "'s map");
        if (notAMap != null) {
            return notAMap;
        }
        for (double[] row : moved.map()) {
            for (double value : row) {
                if (value < 0) {
                    return call + "'s map holds " + number(value) + ": keep every value at 0 or above, as after a ReLU";
                }
            }
        }
        return null;
    }

    /** Why the map and move are no example of aliasing, or null when they are one. */
    private static String problem(MovedMap moved, int size, String call) {
        String notAMap = notAMap(moved, size, call);
        if (notAMap != null) {
            return notAMap;
        }
        String lost = lost(moved);
        if (lost != null) {
            return call + "'s move " + moved.move() + " pushes " + lost + " out of the map";
        }
        double before = pooledMean(moved.map());
        double after = pooledMean(moved(moved));
        if (!Witnesses.differ(before, after)) {
            return call + "'s move " + moved.move() + " leaves the global average of the pooled map as it was: "
                    + number(before);
        }
        return null;
    }

    /** The first value that is not 0 and that the move pushes out of the map, in words; null when none is. */
    private static String lost(MovedMap moved) {
        double[][] map = moved.map();
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                int row = r + moved.move().down();
                int column = c + moved.move().right();
                boolean out = row < 0 || row >= map.length || column < 0 || column >= map[0].length;
                if (out && map[r][c] != 0) {
                    return "the " + number(map[r][c]) + " at (" + r + ", " + c + ")";
                }
            }
        }
        return null;
    }

    /** The map after the move: every value one cell further, 0 where nothing comes in. */
    private static double[][] moved(MovedMap moved) {
        double[][] map = moved.map();
        double[][] result = new double[map.length][map[0].length];
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                int row = r + moved.move().down();
                int column = c + moved.move().right();
                if (row >= 0 && row < map.length && column >= 0 && column < map[0].length) {
                    result[row][column] = map[r][c];
                }
            }
        }
        return result;
    }

    /** Global average pooling of 2x2 max pooling with stride 2. */
    private static double pooledMean(double[][] map) {
        return Witnesses.mean(Witnesses.maxPool(map));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", "");
    }
}
