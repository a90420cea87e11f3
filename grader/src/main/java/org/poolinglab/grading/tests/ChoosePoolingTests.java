package org.poolinglab.grading.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.exercises.PoolingChoice;
import org.poolinglab.exercises.PoolingTask;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;

/**
 * Each task is tried on a map that shows what it needs: lesson-lib pools the map with each of the three
 * choices, and the choice that does what the task needs is the answer. Nothing here is typed in as the
 * answer; a wrong choice's message says what it did to the map.
 */
@DisplayName("choose-pooling")
public class ChoosePoolingTests {

    private final Answers.ChoosePooling answer = Submitted.answer(Answers.ChoosePooling.class);

    @Test
    @Points(3)
    @DisplayName("a stuck pixel and a thin edge")
    void stuckPixelAndThinEdge() {
        Calls<PoolingChoice> calls = calls();
        stuckPixel(calls);
        thinEdge(calls);
        calls.verify();
    }

    @Test
    @Points(3)
    @Hidden
    @DisplayName("pictures of any size, and a thin edge")
    void anySizeAndThinEdge() {
        Calls<PoolingChoice> calls = calls();
        anySize(calls);
        thinEdge(calls);
        calls.verify();
    }

    private void stuckPixel(Calls<PoolingChoice> calls) {
        // Notebook 01's spike: cell (0, 3) of the lesson's map reads 21 instead of 1.
        double[][] spiked = org.poolinglab.grading.MapAssert.copy(Cases.LESSON);
        spiked[0][3] = 21;
        FeatureMap clean = FeatureMap.of(Cases.LESSON);
        FeatureMap noisy = FeatureMap.of(spiked);
        double leastMove = Arrays.stream(PoolingChoice.values()).filter(choice -> keepsLayout(choice, clean, 2))
                .mapToDouble(choice -> moved(choice, clean, noisy)).min().orElseThrow();
        add(calls, PoolingTask.STUCK_PIXEL, choice -> keepsLayout(choice, clean, 2) && moved(choice, clean, noisy) == leastMove,
                List.of(Variant.of(Mistake.MAX_PASSES_A_SPIKE_ON, () -> PoolingChoice.MAX,
                                number(moved(PoolingChoice.MAX, clean, noisy)), number(moved(PoolingChoice.AVERAGE, clean, noisy))),
                        Variant.of(Mistake.GLOBAL_LOSES_THE_LAYOUT, () -> PoolingChoice.GLOBAL_AVERAGE, "2x2")));
    }

    private void thinEdge(Calls<PoolingChoice> calls) {
        double[][] rows = new double[6][6];
        for (double[] row : rows) {
            row[2] = 1; // a vertical edge, one cell wide
        }
        FeatureMap edge = FeatureMap.of(rows);
        add(calls, PoolingTask.THIN_EDGE, choice -> keepsLayout(choice, edge, 3) && largest(pool(choice, edge)) == largest(edge),
                List.of(Variant.of(Mistake.AVERAGE_DIMS_A_THIN_FEATURE, () -> PoolingChoice.AVERAGE,
                                number(largest(edge)), number(largest(pool(PoolingChoice.AVERAGE, edge)))),
                        Variant.of(Mistake.GLOBAL_LOSES_THE_LAYOUT, () -> PoolingChoice.GLOBAL_AVERAGE, "3x3")));
    }

    @Hidden // only a hidden test asks it, and its mistake's words would give the answer away
    private void anySize(Calls<PoolingChoice> calls) {
        FeatureMap small = blob(6, 1, 1);
        FeatureMap large = blob(8, 1, 1);
        FeatureMap moved = blob(8, 3, 4);
        Predicate<PoolingChoice> sameForEverySize = choice -> pool(choice, small).size().equals(pool(choice, large).size())
                && pool(choice, large).equals(pool(choice, moved));
        List<Variant<PoolingChoice>> variants = new ArrayList<>();
        for (PoolingChoice windowed : List.of(PoolingChoice.MAX, PoolingChoice.AVERAGE)) {
            variants.add(Variant.of(Mistake.WINDOWS_DEPEND_ON_THE_SIZE, () -> windowed, windowed, small.size(),
                    pool(windowed, small).size(), large.size(), pool(windowed, large).size()));
        }
        add(calls, PoolingTask.ANY_SIZE, sameForEverySize, variants);
    }

    private static Calls<PoolingChoice> calls() {
        return Calls.questions((expected, actual, call) -> expected == actual ? null
                : call + (actual == null ? " returned null: return one of " + Arrays.toString(PoolingChoice.values())
                        : " returned " + actual + ", which does not do what the task needs"));
    }

    /** The task's answer is the one choice that does what it needs; each variant names what another choice does wrong. */
    private void add(Calls<PoolingChoice> calls, PoolingTask task, Predicate<PoolingChoice> doesWhatTheTaskNeeds,
                     List<Variant<PoolingChoice>> variants) {
        List<PoolingChoice> right = Arrays.stream(PoolingChoice.values()).filter(doesWhatTheTaskNeeds).toList();
        if (right.size() != 1) {
            throw new IllegalStateException(task + " should have one right choice, but has " + right);
        }
        calls.add("choosePooling(" + task + ")", right.get(0), answer.apply(task), variants);
    }

    /** 2x2 max or average pooling with stride 2, or global average pooling. */
    private static FeatureMap pool(PoolingChoice choice, FeatureMap map) {
        return switch (choice) {
            case MAX -> Pooling.maxPool(map, PoolSpec.of(2));
            case AVERAGE -> Pooling.avgPool(map, PoolSpec.of(2));
            case GLOBAL_AVERAGE -> Pooling.globalAvgPool(map);
        };
    }

    private static long cells(FeatureMap map) {
        return (long) map.channels() * map.height() * map.width();
    }

    /** Whether the pooled map is still a map of {@code side x side} cells, not one value per channel. */
    private static boolean keepsLayout(PoolingChoice choice, FeatureMap map, int side) {
        FeatureMap pooled = pool(choice, map);
        return pooled.height() == side && pooled.width() == side;
    }

    /** How far the stuck pixel moved the pooled output: the largest change of any output cell. */
    private static double moved(PoolingChoice choice, FeatureMap clean, FeatureMap noisy) {
        float[] before = pool(choice, clean).toFloatArray();
        float[] after = pool(choice, noisy).toFloatArray();
        double largest = 0;
        for (int i = 0; i < before.length; i++) {
            largest = Math.max(largest, Math.abs(after[i] - before[i]));
        }
        return largest;
    }

    private static double largest(FeatureMap map) {
        return Pooling.globalMaxPool(map).get(0, 0, 0, 0);
    }

    /** A {@code side x side} map, 0 but for a 2x2 object whose top left cell is at (row, col). */
    @Hidden
    private static FeatureMap blob(int side, int row, int col) {
        double[][] rows = new double[side][side];
        rows[row][col] = 3;
        rows[row][col + 1] = 5;
        rows[row + 1][col] = 2;
        rows[row + 1][col + 1] = 4;
        return FeatureMap.of(rows);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
