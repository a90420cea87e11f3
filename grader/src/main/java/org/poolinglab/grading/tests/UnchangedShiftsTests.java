package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertUnchanged;
import static org.poolinglab.grading.MapAssert.copy;
import static org.poolinglab.grading.MapAssert.literal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.exercises.Shift;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;
import org.poolinglab.plot.Images;

@DisplayName("unchanged-shifts")
public class UnchangedShiftsTests {

    private final Answers.UnchangedShifts answer = Submitted.answer(Answers.UnchangedShifts.class);

    @Test
    @Points(3)
    @DisplayName("notebook 04's single 9")
    void singleNine() {
        double[][] dot = new double[4][4];
        dot[1][0] = 9;
        check(dot);
    }

    @Test
    @Points(3)
    @DisplayName("sparse maps, as after a ReLU, left unchanged")
    void sparseMaps() {
        // one window each: a value that moves out of the map changes the pooling, one that stays in does not
        check(new double[][] {{0, 5}, {0, 0}}, new double[][] {{5, 3}, {0, 0}}, sparse(7, 6, 6), sparse(8, 4, 6));
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("odd sizes, whose last row and column no window reads, and tied maxima")
    void oddSizesAndTies() {
        check(sparse(21, 5, 5), sparse(22, 5, 7), Cases.map(23, 4, 4, 0, 1), new double[][] {{5, 5, 0}, {0, 0, 0}});
    }

    private void check(double[][]... maps) {
        Calls<Set<Shift>> calls = new Calls<>((expected, actual, call) -> expected.equals(actual) ? null
                : call + " should be " + describe(expected) + " but was " + describe(actual));
        for (double[][] x : maps) {
            double[][] given = copy(x);
            calls.add("unchangedShifts(" + literal(x) + ")", unchanged(x, UnchangedShiftsTests::shift,
                    UnchangedShiftsTests::maxPool2x2), answer.apply(given), variants(x));
            assertUnchanged(x, given, "unchangedShifts(" + literal(x) + ")");
        }
        calls.verify();
    }

    /** What each typical mistake gives for {@code unchangedShifts(x)}. */
    private static List<Variant<Set<Shift>>> variants(double[][] x) {
        Set<Shift> expected = unchanged(x, UnchangedShiftsTests::shift, UnchangedShiftsTests::maxPool2x2);
        return List.of(
                Variant.of(Mistake.DIRECTIONS_REVERSED, () -> expected.stream().map(UnchangedShiftsTests::opposite)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Shift.class)))),
                Variant.of(Mistake.WRAPPED_AROUND, () -> unchanged(x, UnchangedShiftsTests::wrapped, UnchangedShiftsTests::maxPool2x2)),
                Variant.of(Mistake.COMPARED_THE_MAPS, () -> unchanged(x, UnchangedShiftsTests::shift, map -> map)),
                Variant.of(Mistake.AVERAGE_POOLING_COMPARED, () -> unchanged(x, UnchangedShiftsTests::shift,
                        map -> Pooling.avgPool(map, PoolSpec.of(2)))));
    }

    /** The shifts after which the {@code pooling} of the moved map equals the {@code pooling} of the map itself. */
    private static Set<Shift> unchanged(double[][] x, BiFunction<FeatureMap, Shift, FeatureMap> move,
                                        UnaryOperator<FeatureMap> pooling) {
        FeatureMap map = FeatureMap.of(x);
        Set<Shift> result = EnumSet.noneOf(Shift.class);
        for (Shift shift : Shift.values()) {
            if (pooling.apply(move.apply(map, shift)).equals(pooling.apply(map))) {
                result.add(shift);
            }
        }
        return result;
    }

    private static FeatureMap maxPool2x2(FeatureMap map) {
        return Pooling.maxPool(map, PoolSpec.of(2));
    }

    private static FeatureMap shift(FeatureMap map, Shift shift) {
        return Images.shift(map, shift.down(), shift.right());
    }

    /** The map moved with what moves out coming back in on the other side. */
    private static FeatureMap wrapped(FeatureMap map, Shift shift) {
        double[][] x = map.toArray();
        int rows = x.length;
        int cols = x[0].length;
        double[][] moved = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                moved[Math.floorMod(r + shift.down(), rows)][Math.floorMod(c + shift.right(), cols)] = x[r][c];
            }
        }
        return FeatureMap.of(moved);
    }

    private static Shift opposite(Shift shift) {
        return switch (shift) {
            case UP -> Shift.DOWN;
            case DOWN -> Shift.UP;
            case LEFT -> Shift.RIGHT;
            case RIGHT -> Shift.LEFT;
        };
    }

    /** A map of small whole numbers, about two cells in three 0, as a ReLU leaves it. */
    private static double[][] sparse(long seed, int rows, int cols) {
        Random random = new Random(seed);
        double[][] map = new double[rows][cols];
        for (double[] row : map) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextInt(3) == 0 ? 1 + random.nextInt(9) : 0;
            }
        }
        return map;
    }

    /** The shifts in the order of {@link Shift}, e.g. {@code [UP, RIGHT]}. */
    private static String describe(Set<Shift> shifts) {
        if (shifts == null) {
            return "null";
        }
        return Arrays.stream(Shift.values()).filter(shifts::contains).toList()
                + (shifts.stream().anyMatch(Objects::isNull) ? " and null" : "");
    }
}
