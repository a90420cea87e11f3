package org.poolinglab.grading;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The answers under test, one per answer type, installed before the graded tests run. */
public final class Submitted {

    private static final Map<Class<?>, Object> ANSWERS = new ConcurrentHashMap<>();

    private Submitted() {
    }

    public static <T> void install(Class<T> type, T answer) {
        ANSWERS.put(type, answer);
    }

    /** The installed answer of this type; a graded test reads it in its constructor. */
    public static <T> T answer(Class<T> type) {
        Object answer = ANSWERS.get(type);
        if (answer == null) {
            throw new IllegalStateException("no answer of type " + type.getSimpleName() + " was handed in");
        }
        return type.cast(answer);
    }
}
