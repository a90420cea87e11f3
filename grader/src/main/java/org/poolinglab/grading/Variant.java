package org.poolinglab.grading;

import java.util.function.Supplier;
import org.poolinglab.grading.tests.Mistake;

/**
 * What an answer with a typical mistake gives for one call: the output that mistake produces, worked out
 * only when a test has failed, and the values of the call its hint names.
 *
 * @param mistake    the mistake
 * @param output     what an answer with this mistake returns for the call (may throw: then it matches nothing)
 * @param hintValues the values {@link Mistake#hint} fills in
 */
public record Variant<T>(Mistake mistake, Supplier<T> output, Object... hintValues) {

    public static <T> Variant<T> of(Mistake mistake, Supplier<T> output, Object... hintValues) {
        return new Variant<>(mistake, output, hintValues);
    }
}
