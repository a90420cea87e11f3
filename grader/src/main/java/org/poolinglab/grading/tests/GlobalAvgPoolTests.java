package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertUnchanged;
import static org.poolinglab.grading.MapAssert.assertValues;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.MapAssert;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("global-avg-pool")
public class GlobalAvgPoolTests {

    private final Answers.GlobalAvgPool answer = Submitted.answer(Answers.GlobalAvgPool.class);

    @Test
    @Points(3)
    @DisplayName("the lesson's map as one channel gives 3.625")
    void lessonExample() {
        assertValues(new double[] {58.0 / 16}, answer.apply(new double[][][] {MapAssert.copy(Cases.LESSON)}),
                "globalAvgPool(lesson map as one channel)");
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
        double[] expected = toDoubles(Pooling.globalAvgPool(FeatureMap.of(x)).toFloatArray());
        double[][][] copy = Arrays.stream(x).map(MapAssert::copy).toArray(double[][][]::new);
        assertValues(expected, answer.apply(copy), "globalAvgPool(" + x.length + " channels of "
                + x[0].length + "x" + x[0][0].length + ")");
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
