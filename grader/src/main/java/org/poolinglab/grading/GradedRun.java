package org.poolinglab.grading;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.poolinglab.sandbox.CappedOutput;
import org.poolinglab.sandbox.CappedPrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.poolinglab.AnswerRule;
import org.poolinglab.exercises.Exercise;

/**
 * Runs graded tests on JUnit 5's launcher, in this JVM: the one engine behind the notebook check and
 * the grading of a notebook or a class. The tests reach the answers through {@link Submitted}: in a
 * check cell, the notebook's own methods ({@link #inThisJvm}); when grading, stand-ins that call the
 * answers in a sandbox ({@link RemoteAnswers}), so the tests and the student's code never share a JVM.
 */
public final class GradedRun {

    /** How long one graded test may take before it fails as too slow. */
    public static final Duration TEST_TIME_LIMIT = Duration.ofSeconds(3);
    static final String TOO_SLOW = "took longer than ";
    static final String LEFT_RUNNING = " thread(s) running";

    /** How much of what a test prints is kept. */
    static final int OUTPUT_LIMIT = 4096;
    private static final Pattern SUBMISSION_FRAME = Pattern.compile("\\(?(Submission_[A-Za-z0-9_]+\\.java:\\d+)\\)?");

    private static final List<String> JVM_THREADS = List.of("junit-", "ForkJoinPool.commonPool-worker",
            "process reaper", "Common-Cleaner", "Attach Listener", "Signal Dispatcher", "Notification Thread");

    /**
     * What a test's answers do besides returning: what they print, and what they leave running. In this
     * JVM that is watched here; in a sandbox, the sandbox reports it with each call.
     */
    interface Watch {
        /** Called as a graded test starts. */
        void testStarted(GradedTest test);

        /** What the answers printed since the test started. */
        CappedOutput printed();

        /** Why the test fails although its assertions passed (a thread left running), or null. */
        String leftSomethingRunning();

        /** Called as the test ends. */
        void testFinished();
    }

    private final Set<String> skip;
    private final boolean includeHidden;
    private final Consumer<TestOutcome> onFinish;

    /**
     * @param includeHidden whether hidden tests run (not in a notebook check)
     * @param skip          test ids not to run (already graded)
     * @param onFinish      told each outcome as soon as it is known
     */
    public GradedRun(boolean includeHidden, Set<String> skip, Consumer<TestOutcome> onFinish) {
        this.includeHidden = includeHidden;
        this.skip = Set.copyOf(skip);
        this.onFinish = onFinish;
    }

    /**
     * Runs the tests of {@code exercises} on answers in this JVM (a notebook's methods): each test within
     * {@link #TEST_TIME_LIMIT}, what it prints captured, a thread it leaves running a failure.
     *
     * @param answers per answer type, the answer
     */
    public List<TestOutcome> inThisJvm(List<Exercise> exercises, Map<Class<?>, Object> answers) {
        return run(exercises, answers, new ThisJvm(), true);
    }

    /** Runs the tests of {@code exercises} on the answers in a sandbox; the sandbox's calls keep their own time. */
    List<TestOutcome> inSandbox(List<Exercise> exercises, RemoteAnswers answers) {
        return run(exercises, answers.standIns(exercises), answers, false);
    }

    private List<TestOutcome> run(List<Exercise> exercises, Map<Class<?>, Object> answers, Watch watch, boolean timeouts) {
        Map<String, GradedTest> graded = new HashMap<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        if (timeouts) {
            request.configurationParameter("junit.jupiter.execution.timeout.default", TEST_TIME_LIMIT.toSeconds() + " s")
                    .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
        }
        for (Exercise exercise : exercises) {
            for (GradedTest test : GradedTest.of(exercise)) {
                if (!skip.contains(test.testId()) && (includeHidden || !test.hidden())) {
                    graded.put(test.testId(), test);
                    request.selectors(DiscoverySelectors.selectMethod(exercise.tests(), test.method()));
                }
            }
        }
        if (graded.isEmpty()) {
            return List.of();
        }
        ThreadGroup group = new ThreadGroup("graded answers");
        Listener listener = new Listener(graded, watch);
        LauncherDiscoveryRequest discovery = request.build();
        AtomicReference<Throwable> crashed = new AtomicReference<>();
        // The tests run in a thread group of their own: a thread an answer starts in this JVM joins it, so a
        // thread that anything else in this JVM starts meanwhile (a notebook kernel's, another test's) is not
        // mistaken for one the answer left running.
        Thread runner = new Thread(group, () -> Submitted.with(answers, () -> launcher().execute(discovery, listener)),
                "graded-run");
        runner.setContextClassLoader(GradedRun.class.getClassLoader());
        runner.setUncaughtExceptionHandler((thread, error) -> crashed.set(error));
        runner.start();
        try {
            runner.join();
        } catch (InterruptedException e) {
            runner.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the graded tests ran", e);
        }
        if (crashed.get() instanceof RuntimeException error) {
            throw error;
        }
        if (crashed.get() instanceof Error error) {
            throw error;
        }
        return listener.outcomes;
    }

    /** JUnit's launcher with the Jupiter engine handed over directly: no service loading, which JShell can trip over. */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
    }

    /** Turns JUnit's events into one outcome per graded test. */
    private final class Listener implements TestExecutionListener {

        private final Map<String, GradedTest> graded;
        private final Map<String, String> gradedByUniqueId = new HashMap<>();
        private final Map<String, String> firstFailure = new HashMap<>();
        private final Map<String, String> mistakes = new HashMap<>();
        private final Set<String> reported = new HashSet<>();
        private final List<TestOutcome> outcomes = new ArrayList<>();
        private final Watch watch;
        private TestPlan plan;

        Listener(Map<String, GradedTest> graded, Watch watch) {
            this.graded = graded;
            this.watch = watch;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier identifier) {
            gradedTest(identifier).ifPresent(test -> {
                gradedByUniqueId.put(identifier.getUniqueId(), test.testId());
                RecordedMistakes.testStarted(test.testId());
                watch.testStarted(test);
            });
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            String owner = ownerOf(identifier);
            boolean ownNode = gradedByUniqueId.containsKey(identifier.getUniqueId());
            if (owner != null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                Throwable error = result.getThrowable().orElse(null);
                if (!firstFailure.containsKey(owner)) {
                    firstFailure.put(owner, (ownNode ? "" : identifier.getDisplayName() + ": ") + describe(error));
                    if (error instanceof LikelyMistakeError likely) {
                        mistakes.put(owner, likely.mistake().id());
                    }
                }
                if (!ownNode && error instanceof java.util.concurrent.TimeoutException) {
                    // A case of a parameterised test ran out of time: the test has failed, and its runaway
                    // thread would slow every later case down, so its outcome is told now.
                    report(owner, false);
                }
            }
            if (ownNode) {
                report(gradedByUniqueId.get(identifier.getUniqueId()), true);
                watch.testFinished();
            }
        }

        /** Tells the outcome of a graded test, once. */
        private void report(String testId, boolean finished) {
            if (!reported.add(testId)) {
                return;
            }
            GradedTest test = graded.get(testId);
            String failure = firstFailure.get(testId);
            if (failure == null && finished) {
                failure = watch.leftSomethingRunning();
            }
            CappedOutput printed = watch.printed();
            TestOutcome outcome = new TestOutcome(test.exercise(), testId, test.name(), test.points(), test.hidden(),
                    failure == null, failure == null ? "" : failure, printed.text(), printed.written(),
                    failure == null ? "" : mistakes.getOrDefault(testId, ""));
            outcomes.add(outcome);
            onFinish.accept(outcome);
        }

        private Optional<GradedTest> gradedTest(TestIdentifier identifier) {
            if (identifier.getSource().orElse(null) instanceof MethodSource source
                    && identifier.getParentId().map(parent -> !isMethod(parent)).orElse(true)) {
                return Optional.ofNullable(graded.get(
                        simpleName(source.getClassName()) + "#" + source.getMethodName()));
            }
            return Optional.empty();
        }

        private boolean isMethod(String uniqueId) {
            return plan.getTestIdentifier(uniqueId).getSource().orElse(null) instanceof MethodSource;
        }

        /** The graded test an event belongs to: the node itself or its nearest graded ancestor. */
        private String ownerOf(TestIdentifier identifier) {
            TestIdentifier current = identifier;
            while (current != null) {
                String testId = gradedByUniqueId.get(current.getUniqueId());
                if (testId != null) {
                    return testId;
                }
                current = current.getParentId().map(plan::getTestIdentifier).orElse(null);
            }
            return null;
        }
    }

    /**
     * Answers in this JVM (a notebook's check cell): {@code System.out} is captured while a test runs, and a
     * thread the answers started and left running fails the test.
     */
    private static final class ThisJvm implements Watch {

        private PrintStream savedOut;
        private PrintStream savedErr;
        private CappedOutput captured = new CappedOutput(OUTPUT_LIMIT);
        private Set<Thread> threadsBefore = Set.of();
        private ThreadGroup answers;

        @Override
        public void testStarted(GradedTest test) {
            answers = Thread.currentThread().getThreadGroup();
            threadsBefore = liveThreads();
            captured = new CappedOutput(OUTPUT_LIMIT);
            savedOut = System.out;
            savedErr = System.err;
            PrintStream capture = new CappedPrintStream(captured);
            System.setOut(capture);
            System.setErr(capture);
        }

        @Override
        public CappedOutput printed() {
            return captured;
        }

        @Override
        public void testFinished() {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }

        @Override
        public String leftSomethingRunning() {
            Set<Thread> started = new HashSet<>(liveThreads());
            started.removeAll(threadsBefore);
            started.removeIf(thread -> !startedByTheAnswers(thread));
            // A thread started from JUnit's timeout thread is a daemon too, so daemons count as well;
            // only the JVM's and JUnit's own threads, and the shared fork-join pool, may stay.
            started.removeIf(thread -> JVM_THREADS.stream().anyMatch(prefix -> thread.getName().startsWith(prefix)));
            long deadline = System.currentTimeMillis() + 300;
            for (Thread thread : started) {
                try {
                    thread.join(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            started.removeIf(thread -> !thread.isAlive());
            if (started.isEmpty()) {
                return null;
            }
            return leftRunning(started.size(), started.iterator().next().getName());
        }

        /** Whether the graded tests' thread group holds {@code thread} (null once it has ended). */
        private boolean startedByTheAnswers(Thread thread) {
            ThreadGroup group = thread.getThreadGroup();
            return group != null && answers.parentOf(group);
        }

        private static Set<Thread> liveThreads() {
            return new HashSet<>(Thread.getAllStackTraces().keySet());
        }
    }

    /** The failure of a test whose answers left threads running. */
    static String leftRunning(int count, String firstName) {
        return "left " + count + LEFT_RUNNING + " (" + firstName + "): every thread an answer starts must finish before it returns";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** A failure in words a student can act on. */
    static String describe(Throwable error) {
        if (error == null) {
            return "failed";
        }
        if (error instanceof java.util.concurrent.TimeoutException) {
            return TOO_SLOW + TEST_TIME_LIMIT.toSeconds() + " s, so it was stopped (an endless loop?)";
        }
        if (error instanceof AssertionError) {
            return error.getMessage() == null ? "an assertion failed" : error.getMessage();
        }
        return describeThrown(error.getClass().getName(), error.getMessage(), whereInAnswer(error));
    }

    /**
     * What an answer threw, in words a student can act on.
     *
     * @param where " at Submission_x.java:12" for the answer's own frame nearest the top, or ""
     */
    static String describeThrown(String className, String message, String where) {
        if (className.equals(UnsupportedOperationException.class.getName())) {
            return "not answered yet (" + message + ")";
        }
        if (className.equals(OutOfMemoryError.class.getName())) {
            return "ran out of memory" + where;
        }
        if (className.equals(StackOverflowError.class.getName())) {
            return "overflowed the stack (endless recursion?)" + where;
        }
        if (message != null && message.startsWith(AnswerRule.message(""))) {
            return message + where; // lesson-lib refused to compute for the answer
        }
        return "threw " + className + (message == null ? "" : ": " + message) + where;
    }

    /** " at Submission_x.java:12" for the answer's own frame nearest the top, or "" when there is none. */
    private static String whereInAnswer(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("Submission_") && frame.getLineNumber() > 0) {
                return " at " + frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return "";
    }

    /** Rewrites {@code Submission_x.java:12} references in a message with {@code mapper}. */
    static String mapLocations(String message, java.util.function.Function<String, String> mapper) {
        Matcher matcher = SUBMISSION_FRAME.matcher(message);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(mapper.apply(matcher.group(1))));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
