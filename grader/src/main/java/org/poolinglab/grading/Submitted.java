package org.poolinglab.grading;

import java.util.Map;

/**
 * The answers under test, one per answer type, for the graded tests that run on this thread (and the
 * threads it starts, such as JUnit's timeout threads): each run of graded tests has its own, so two
 * submissions graded at the same time never see each other's answers.
 */
public final class Submitted {

    private static final InheritableThreadLocal<Map<Class<?>, Object>> ANSWERS = new InheritableThreadLocal<>();

    private Submitted() {
    }

    /** Runs {@code tests} with {@code answers} as the answers under test. */
    static void with(Map<Class<?>, Object> answers, Runnable tests) {
        ANSWERS.set(Map.copyOf(answers));
        try {
            tests.run();
        } finally {
            ANSWERS.remove();
        }
    }

    /** The answer of this type; a graded test reads it in its constructor. */
    public static <T> T answer(Class<T> type) {
        Map<Class<?>, Object> answers = ANSWERS.get();
        Object answer = answers == null ? null : answers.get(type);
        if (answer == null) {
            throw new IllegalStateException("no answer of type " + type.getSimpleName() + " was handed in");
        }
        return type.cast(answer);
    }
}
