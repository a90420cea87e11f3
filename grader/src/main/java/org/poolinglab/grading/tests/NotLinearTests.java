package org.poolinglab.grading.tests;

import static org.poolinglab.grading.MapAssert.literal;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.Answers;
import org.poolinglab.exercises.MapPair;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.Points;
import org.poolinglab.grading.Properties;
import org.poolinglab.grading.Properties.Symptom;
import org.poolinglab.grading.Submitted;

/**
 * Any two maps are right on which 2x2 max pooling of their sum differs from the sum of their poolings:
 * lesson-lib pools all three. Nothing here is the answer.
 */
@DisplayName("not-linear")
public class NotLinearTests {

    private final Answers.NotLinear answer = Submitted.answer(Answers.NotLinear.class);

    @Test
    @Points(4)
    @DisplayName("2x2 and 4x4 maps on which max pooling does not add up")
    void smallMaps() {
        check(2, 4);
    }

    @Test
    @Points(4)
    @Hidden
    @DisplayName("6x6 and 8x8 maps")
    void largerMaps() {
        check(6, 8);
    }

    private void check(int... sizes) {
        Properties<MapPair> calls = new Properties<>();
        for (int size : sizes) {
            String call = "notLinear(" + size + ")";
            calls.add(call, answer.apply(size), pair -> problem(pair, size, call), List.of(
                    Symptom.of(Mistake.WITNESS_SHOWS_EQUALITY, pair -> problemWithTheMaps(pair, size, call) == null),
                    Symptom.of(Mistake.PAIR_OF_THE_WRONG_SIZE, pair -> pair.a() != null && pair.b() != null
                                    && Witnesses.shape(pair.a()).equals(Witnesses.shape(pair.b()))
                                    && !Witnesses.shape(pair.a()).equals(size + "x" + size),
                            pair -> new Object[] {Witnesses.shape(pair.a()), size, size, size})));
        }
        calls.verify();
    }

    private static String problemWithTheMaps(MapPair pair, int size, String call) {
        String problem = Witnesses.notAMap(pair.a(), size, call + "'s map a");
        return problem != null ? problem : Witnesses.notAMap(pair.b(), size, call + "'s map b");
    }

    /** Why the pair is no counterexample, or null when it is one. */
    private static String problem(MapPair pair, int size, String call) {
        String notMaps = problemWithTheMaps(pair, size, call);
        if (notMaps != null) {
            return notMaps;
        }
        double[][] ofTheSum = Witnesses.maxPool(Witnesses.sum(pair.a(), pair.b()));
        double[][] sumOfThePoolings = Witnesses.sum(Witnesses.maxPool(pair.a()), Witnesses.maxPool(pair.b()));
        for (int r = 0; r < ofTheSum.length; r++) {
            for (int c = 0; c < ofTheSum[0].length; c++) {
                if (Witnesses.differ(ofTheSum[r][c], sumOfThePoolings[r][c])) {
                    return null;
                }
            }
        }
        return call + " returned maps on which max pooling adds up: maxPool(a + b) = maxPool(a) + maxPool(b) = "
                + literal(ofTheSum);
    }
}
