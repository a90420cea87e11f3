package org.poolinglab.grading;

import org.opentest4j.AssertionFailedError;
import org.poolinglab.grading.tests.Mistake;

/** A failed test whose wrong answers are exactly what a typical mistake gives; its message says so. */
public final class LikelyMistakeError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient Mistake mistake;

    public LikelyMistakeError(String message, Mistake mistake) {
        super(message);
        this.mistake = mistake;
    }

    public Mistake mistake() {
        return mistake;
    }
}
