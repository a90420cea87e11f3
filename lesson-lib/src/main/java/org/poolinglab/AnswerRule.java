package org.poolinglab;

import java.util.concurrent.Callable;

/**
 * The rule of the exercises: an answer is the student's own code. lesson-lib can pool, unpool and count
 * anything the exercises ask for, so while a notebook's check cell runs an answer, lesson-lib refuses
 * to compute and says which call the answer made:
 * <pre>
 * write the loop yourself: answers may not call Pooling.maxPool
 * </pre>
 * The grader enforces the same rule on its own: a graded answer runs in a JVM that has no lesson-lib
 * at all. Outside a check cell nothing changes.
 */
public final class AnswerRule {

    private static final ThreadLocal<Boolean> ANSWERING = new ThreadLocal<>();

    private AnswerRule() {
    }

    /** Runs {@code answer} with lesson-lib refusing to compute on this thread, and returns what it returns. */
    public static <T> T whileAnswering(Callable<T> answer) throws Exception {
        ANSWERING.set(Boolean.TRUE);
        try {
            return answer.call();
        } finally {
            ANSWERING.remove();
        }
    }

    /** The message for an answer that calls {@code call} (e.g. "Pooling.maxPool"). */
    public static String message(String call) {
        return "write the loop yourself: answers may not call " + call;
    }

    /**
     * Called where lesson-lib starts to compute (a new map, a pooling setting, a cost table): refuses
     * while an answer runs, naming the lesson-lib method the answer called.
     *
     * @throws IllegalStateException while an answer runs on this thread
     */
    public static void refuseWhileAnswering() {
        if (ANSWERING.get() != null) {
            throw new IllegalStateException(message(calledByTheAnswer()));
        }
    }

    /** The outermost lesson-lib method on the stack, as "Class.method": the one the answer called. */
    private static String calledByTheAnswer() {
        return StackWalker.getInstance().walk(frames -> frames
                .skip(2) // this class
                .takeWhile(frame -> isLessonLib(frame.getClassName()))
                .reduce((inner, outer) -> outer)
                .map(frame -> simpleName(frame.getClassName()) + "." + frame.getMethodName())
                .orElse("lesson-lib"));
    }

    private static boolean isLessonLib(String className) {
        return className.startsWith("org.poolinglab.") && !className.startsWith("org.poolinglab.exercises.")
                && !className.startsWith("org.poolinglab.grading.") && !className.startsWith("org.poolinglab.sandbox.");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
