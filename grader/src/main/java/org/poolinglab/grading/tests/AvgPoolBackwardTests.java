package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.assertUnchanged;
import static org.poolinglab.grading.MapAssert.copy;
import static org.poolinglab.grading.MapAssert.literal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.grading.Calls;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Submitted;

@DisplayName("avg-pool-backward")
public class AvgPoolBackwardTests {

    private final Answers.AvgPoolBackward answer = Submitted.answer(Answers.AvgPoolBackward.class);

    @Test
    @Points(3)
    @DisplayName("no padding: windows side by side, and overlapping windows that add up")
    void noPadding() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, 4, 4, 2, 2, 0, true, Cases.numbered(2, 2));
        add(calls, 4, 4, 2, 1, 0, true, Cases.numbered(3, 3));
        calls.verify();
    }

    @Test
    @Points(4)
    @DisplayName("padding 1 around a 5x5 map, counted and not counted")
    void paddingCountedAndNot() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, 5, 5, 3, 2, 1, true, Cases.numbered(3, 3));
        add(calls, 5, 5, 3, 2, 1, false, Cases.numbered(3, 3));
        calls.verify();
    }

    @Test
    @Points(3)
    @Hidden
    @DisplayName("non-square maps, a stride larger than the window, negative gradients; gradOutput left unchanged")
    void otherSettings() {
        Calls<double[][]> calls = Calls.maps();
        add(calls, 7, 5, 3, 2, 1, false, Cases.map(71, 4, 3, -5, 5));
        add(calls, 6, 4, 2, 3, 1, true, Cases.map(72, 3, 2, -5, 5));
        add(calls, 4, 6, 3, 1, 1, false, Cases.map(73, 4, 6, -5, 5));
        calls.verify();
        double[][] gradOutput = Cases.numbered(3, 3);
        double[][] given = copy(gradOutput);
        answer.apply(5, 5, 3, 2, 1, true, given);
        assertUnchanged(gradOutput, given, "avgPoolBackward's gradOutput");
    }

    private void add(Calls<double[][]> calls, int height, int width, int window, int stride, int padding,
                     boolean countIncludePad, double[][] gradOutput) {
        String call = "avgPoolBackward(" + height + ", " + width + ", " + window + ", " + stride + ", " + padding + ", "
                + countIncludePad + ", " + literal(gradOutput) + ")";
        calls.add(call, backward(height, width, window, stride, padding, countIncludePad, gradOutput),
                answer.apply(height, width, window, stride, padding, countIncludePad, copy(gradOutput)),
                AvgPoolBackwardMistakes.variants(height, width, window, stride, padding, countIncludePad, gradOutput));
    }

    /** lesson-lib's backward pass, which is PyTorch's. */
    static double[][] backward(int height, int width, int window, int stride, int padding, boolean countIncludePad,
                               double[][] gradOutput) {
        return Pooling.avgPoolBackward(FeatureMap.of(new double[height][width]),
                PoolSpec.of(window).stride(stride).padding(padding).countIncludePad(countIncludePad),
                FeatureMap.of(gradOutput)).toArray();
    }
}
