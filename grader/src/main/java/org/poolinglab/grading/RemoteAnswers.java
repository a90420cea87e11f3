package org.poolinglab.grading;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentest4j.AssertionFailedError;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.sandbox.CappedOutput;

/**
 * A submission's answers as the graded tests see them when grading: for each exercise, a stand-in of its
 * answer type whose every call goes to the submission's {@link Sandbox} as data and comes back as data.
 * The tests stay in the grader's JVM and the answers in the sandbox's, so an answer can neither see nor
 * change a test, its expected values or another answer's results.
 *
 * <p>Each test's calls have {@link GradedRun#TEST_TIME_LIMIT} of CPU time in all ({@link #TEST_WALL_TIME}
 * of wall-clock time), and the submission's calls {@link Sandbox.Limits#timeLimit()}. A call that takes too long, ends its sandbox, or leaves a thread
 * running fails its test with a message saying so, and the next call starts a fresh sandbox. After a
 * call took too long, the rest of its exercise's tests wait until every other exercise has been graded
 * ({@link #deferred}), so one answer's endless loops use up only its own exercise's time.
 */
final class RemoteAnswers implements GradedRun.Watch, AutoCloseable {

    /** The static method of each answer's class that the sandbox calls: it takes and returns the answer type's types. */
    static final String ENTRY = "graded$answer";
    /**
     * The wall-clock time a test's calls may take, for answers that wait rather than compute; the limit
     * that counts is {@link GradedRun#TEST_TIME_LIMIT} of CPU time, which no load on the machine (another
     * sandbox's threads, say) can make a correct answer use up.
     */
    static final java.time.Duration TEST_WALL_TIME = java.time.Duration.ofSeconds(30);

    private final Containment containment;
    private final Path runner;
    private final Path answers;
    private final Sandbox.Limits limits;
    private final long deadline;
    private Sandbox sandbox;
    private CappedOutput printed = new CappedOutput(GradedRun.OUTPUT_LIMIT);
    private GradedTest test;
    private long testCpuLeft;
    private long testWallLeft;
    private boolean deferring = true;
    private final Set<String> deferredExercises = new HashSet<>();
    private final Set<String> deferredTests = new HashSet<>();

    RemoteAnswers(Containment containment, Path runner, Path answers, Sandbox.Limits limits) {
        this.containment = containment;
        this.runner = runner;
        this.answers = answers;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.timeLimit().toNanos();
    }

    /** Per answer type, a stand-in that calls the exercise's answer in the sandbox. */
    Map<Class<?>, Object> standIns(List<Exercise> exercises) {
        Map<Class<?>, Object> standIns = new LinkedHashMap<>();
        for (Exercise exercise : exercises) {
            Class<?> type = exercise.answerType();
            Method signature = AnswerCompiler.signature(exercise);
            standIns.put(type, Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
                if (!method.equals(signature)) {
                    return switch (method.getName()) {
                        case "toString" -> "the answer to " + exercise.id();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == arguments[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                }
                return call(exercise, signature, arguments == null ? new Object[0] : arguments);
            }));
        }
        return standIns;
    }

    /** Whether this test's outcome does not count yet: it was put off until the other exercises were graded. */
    boolean deferred(String testId) {
        return deferredTests.contains(testId);
    }

    /** From now on nothing is put off: the tests put off run now, and one that takes too long just fails. */
    void stopDeferring() {
        deferring = false;
        deferredExercises.clear();
        deferredTests.clear();
    }

    private Object call(Exercise exercise, Method signature, Object[] arguments) {
        if (deferredExercises.contains(exercise.id())) {
            deferredTests.add(test.testId());
            throw new AssertionFailedError("put off until the other exercises are graded");
        }
        long submissionLeft = deadline - System.nanoTime();
        if (submissionLeft <= 0) {
            throw new AssertionFailedError("not run: the submission's " + limits.timeLimit().toSeconds()
                    + " s ran out before this test");
        }
        try {
            if (sandbox == null) {
                sandbox = Sandbox.start(containment, runner, answers, limits);
            }
            long started = System.nanoTime();
            Sandbox.Reply reply;
            try {
                reply = sandbox.call(AnswerCompiler.className(exercise.id()), ENTRY, signature, arguments, new Sandbox.TimeLimit(
                        Math.max(0, testCpuLeft), Math.max(0, Math.min(testWallLeft, submissionLeft)),
                        GradedRun.TOO_SLOW + GradedRun.TEST_TIME_LIMIT.toSeconds() + " s of CPU time, so it was stopped (an endless loop?)",
                        testWallLeft <= submissionLeft
                                ? GradedRun.TOO_SLOW + TEST_WALL_TIME.toSeconds() + " s, so it was stopped (does it wait for something?)"
                                : "not finished: the submission's " + limits.timeLimit().toSeconds() + " s ran out during this test"));
            } finally {
                testWallLeft -= System.nanoTime() - started;
            }
            testCpuLeft -= reply.cpuNanos();
            byte[] kept = reply.printed().getBytes(StandardCharsets.UTF_8);
            printed.write(kept, 0, kept.length);
            printed.count(Math.max(0, reply.printedBytes() - kept.length));
            for (int i = 0; i < arguments.length; i++) {
                copyInto(arguments[i], reply.argumentsAfter()[i]);
            }
            if (reply.threadsLeft() > 0) {
                endSandbox(); // so the thread cannot touch the next call
                throw new AssertionFailedError(GradedRun.leftRunning(reply.threadsLeft(), reply.threadLeft()));
            }
            if (reply.processesLeft() > 0) {
                throw new AssertionFailedError("left " + reply.processesLeft() + " process(es) running (" + reply.processLeft()
                        + "): every process an answer starts must end before it returns");
            }
            if (reply.threw()) {
                throw new AssertionFailedError(GradedRun.describeThrown(reply.thrownClass(), reply.thrownMessage(),
                        reply.thrownAt().isEmpty() ? "" : " at " + reply.thrownAt().get(0)));
            }
            return reply.sameAsArgument() >= 0 ? arguments[reply.sameAsArgument()] : reply.value();
        } catch (Sandbox.EndedException e) {
            sandbox = null; // it has ended; the next call starts a fresh one
            if (deferring && e.getMessage().startsWith(GradedRun.TOO_SLOW)) {
                deferredExercises.add(exercise.id());
            }
            throw new AssertionFailedError(e.getMessage());
        }
    }

    /**
     * Puts what the answer left in an argument back into the test's own argument, so the test sees any
     * change the answer made to its input: cell by cell where the shapes agree, else the whole row.
     */
    private static void copyInto(Object original, Object after) {
        if (original == null || after == null || !original.getClass().isArray()) {
            return;
        }
        if (original.getClass().getComponentType().isPrimitive()) {
            System.arraycopy(after, 0, original, 0, Math.min(Array.getLength(original), Array.getLength(after)));
            return;
        }
        for (int i = 0; i < Math.min(Array.getLength(original), Array.getLength(after)); i++) {
            Object row = Array.get(original, i);
            Object rowAfter = Array.get(after, i);
            if (row != null && rowAfter != null && row.getClass().isArray() && Array.getLength(row) == Array.getLength(rowAfter)) {
                copyInto(row, rowAfter);
            } else {
                Array.set(original, i, rowAfter);
            }
        }
    }

    @Override
    public void testStarted(GradedTest started) {
        test = started;
        testCpuLeft = GradedRun.TEST_TIME_LIMIT.toNanos();
        testWallLeft = TEST_WALL_TIME.toNanos();
        printed = new CappedOutput(GradedRun.OUTPUT_LIMIT);
    }

    @Override
    public CappedOutput printed() {
        return printed;
    }

    @Override
    public String leftSomethingRunning() {
        return null; // the sandbox reports it with the call, which then fails
    }

    @Override
    public void testFinished() {
    }

    private void endSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public void close() {
        endSandbox();
    }
}
