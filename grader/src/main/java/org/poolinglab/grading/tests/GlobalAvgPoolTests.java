package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertUnchanged;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.MapAssert;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;
import org.poolinglab.grading.Variant;

@DisplayName("global-avg-pool")
public class GlobalAvgPoolTests {

    private final Answers.GlobalAvgPool answer = Submitted.answer(Answers.GlobalAvgPool.class);

    @Test
    @Points(3)
    @DisplayName("the lesson's map as one channel gives 3.625")
    void lessonExample() {
        double[][][] x = {MapAssert.copy(Cases.LESSON)};
        Calls<double[]> calls = Calls.values();
        calls.add("globalAvgPool(lesson map as one channel)", new double[] {58.0 / 16}, answer.apply(x), variants(x));
        calls.verify();
    }

    @Test
    @Points(3)
    @DisplayName("three channels give three means, in channel order")
    void threeChannels() {
        check(new double[][][] {Cases.map(41, 4, 5, 0, 9), Cases.map(42, 4, 5, -9, 0), Cases.map(43, 4, 5, 3, 3)});
    }

    @Test
    @Points(2)
    @Hidden
    @DisplayName("channels of one row, and of one cell")
    void thinChannels() {
        check(new double[][][] {Cases.map(44, 1, 7, -5, 5), Cases.map(45, 1, 7, 0, 1)});
        check(new double[][][] {{{-1.5}}, {{2}}});
    }

    @Test
    @Points(2)
    @Hidden
    @DisplayName("the input is left unchanged")
    void inputUnchanged() {
        double[][][] x = {Cases.map(46, 3, 3, 0, 9), Cases.map(47, 3, 3, 0, 9)};
        double[][][] before = Arrays.stream(x).map(MapAssert::copy).toArray(double[][][]::new);
        answer.apply(x);
        for (int c = 0; c < x.length; c++) {
            assertUnchanged(before[c], x[c], "globalAvgPool(channel " + c + ")");
        }
    }

    private void check(double[][][] x) {
        double[][][] copy = Arrays.stream(x).map(MapAssert::copy).toArray(double[][][]::new);
        Calls<double[]> calls = Calls.values();
        calls.add("globalAvgPool(" + x.length + " channels of " + x[0].length + "x" + x[0][0].length + ")",
                Cases.toDoubles(Pooling.globalAvgPool(FeatureMap.of(x)).toFloatArray()), answer.apply(copy), variants(x));
        calls.verify();
    }

    /** What each typical mistake gives for {@code globalAvgPool(x)}. */
    private static List<Variant<double[]>> variants(double[][][] x) {
        int rows = x[0].length;
        int cols = x[0][0].length;
        double[] sums = Arrays.stream(x).mapToDouble(channel -> Arrays.stream(channel).flatMapToDouble(Arrays::stream).sum())
                .toArray();
        double meanOfAll = Arrays.stream(sums).sum() / (x.length * rows * cols);
        return List.of(
                Variant.of(Mistake.DIVIDED_BY_ONE_SIDE, () -> Arrays.stream(sums).map(sum -> sum / rows).toArray(), "rows"),
                Variant.of(Mistake.DIVIDED_BY_ONE_SIDE, () -> Arrays.stream(sums).map(sum -> sum / cols).toArray(), "columns"),
                Variant.of(Mistake.SUM_NOT_MEAN, () -> sums),
                Variant.of(Mistake.GLOBAL_MAX_NOT_AVERAGE,
                        () -> Cases.toDoubles(Pooling.globalMaxPool(FeatureMap.of(x)).toFloatArray())),
                Variant.of(Mistake.ONE_MEAN_FOR_ALL_CHANNELS, () -> Arrays.stream(sums).map(sum -> meanOfAll).toArray()));
    }
}
