package org.poolinglab.grading;

/** A file that cannot be graded at all: missing, not JSON, or not a notebook. The message says which. */
public final class UnreadableSubmissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableSubmissionException(String message) {
        super(message);
    }
}
