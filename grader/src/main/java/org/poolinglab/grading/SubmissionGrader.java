package org.poolinglab.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.grading.tests.Mistake;
import org.poolinglab.sandbox.AnswerRunner;
import org.poolinglab.sandbox.SandboxClasses;
import org.poolinglab.sandbox.Wire;

/**
 * Grades one notebook: reads its answer cells, compiles each exercise's answer on its own, and runs the
 * graded tests here while the answers run in a {@link Sandbox} of the submission's own
 * ({@link RemoteAnswers}): every outcome is built here, from this JVM's list of tests.
 */
public final class SubmissionGrader {

    /** Set this system property to true to keep each submission's temporary folder (sources, classes). */
    public static final String KEEP_WORK_PROPERTY = "poolinglab.grader.keepWork";

    private final Containment containment;
    private final Sandbox.Limits limits;

    SubmissionGrader(Containment containment, Sandbox.Limits limits) {
        this.containment = containment;
        this.limits = limits;
    }

    /**
     * A grader that contains student code (see {@link Containment}).
     *
     * @throws IllegalStateException when this machine cannot, saying why
     */
    public static SubmissionGrader contained(Sandbox.Limits limits) {
        return new SubmissionGrader(Containment.contained(), limits);
    }

    /** A grader that runs student code in a JVM of its own, but with the grader's rights: only for one's own notebooks. */
    public static SubmissionGrader uncontained(Sandbox.Limits limits) {
        return new SubmissionGrader(Containment.uncontained(), limits);
    }

    /** One line for every report: what held the student's code. */
    public String containment() {
        return containment.describe(limits);
    }

    /** The class path of this JVM: right when the grader runs from its own jar or from Maven's test class path. */
    public static String currentClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * @throws UnreadableSubmissionException when the file is not a notebook
     */
    public Grade grade(Path notebook, String student) {
        long started = System.nanoTime();
        NotebookSubmission submission = NotebookSubmission.read(notebook);
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("pooling-lab-grade-");
            AnswerCompiler.Compiled compiled = AnswerCompiler.compile(submission, Exercises.ALL, workDir, runnerClasses(),
                    currentClasspath());
            List<Exercise> runnable = Exercises.ALL.stream()
                    .filter(exercise -> !compiled.problems().containsKey(exercise.id())).toList();
            List<TestOutcome> ran = List.of();
            if (!runnable.isEmpty()) {
                readableBySandboxes(workDir, compiled.classes());
                ran = runTests(runnable, compiled.classes());
            }
            return finish(student, compiled, ran, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!Boolean.getBoolean(KEEP_WORK_PROPERTY)) {
                deleteQuietly(workDir);
            }
        }
    }

    /**
     * Every test of {@code runnable}, exercise by exercise, against one sandbox (a fresh one after each that
     * ended); the tests of an exercise whose answer took too long wait until the others are graded.
     */
    private List<TestOutcome> runTests(List<Exercise> runnable, Path classes) {
        Map<String, TestOutcome> done = new LinkedHashMap<>();
        try (RemoteAnswers answers = new RemoteAnswers(containment, runnerClasses(), classes, limits)) {
            for (int round = 0; round < 2; round++) {
                for (Exercise exercise : runnable) {
                    new GradedRun(true, done.keySet(), outcome -> {
                        if (!answers.deferred(outcome.testId())) {
                            done.put(outcome.testId(), outcome);
                        }
                    }).inSandbox(List.of(exercise), answers);
                }
                answers.stopDeferring();
            }
        }
        return new ArrayList<>(done.values());
    }

    /**
     * Changes whenever the graded tests, the exercises, the words of a hint or the way answers run change: a
     * rerun of a class regrades everything then, and a Gradescope autograder can tell it runs the exercise
     * set it was built for.
     */
    public static String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Class<?>> classes = new ArrayList<>(List.of(Exercises.class, AnswerCells.class, AnswerCompiler.class,
                    LibraryCalls.class, GradedRun.class, Sandbox.class, RemoteAnswers.class, Containment.class, Calls.class,
                    MapAssert.class, Mistake.class, AnswerRunner.class, Wire.class));
            Exercises.ALL.forEach(exercise -> classes.add(exercise.tests()));
            for (Class<?> type : classes) {
                try (InputStream bytes = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    if (bytes != null) {
                        digest.update(bytes.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every graded test's outcome, in exercise order: a compile problem fails all of its exercise's tests. */
    private Grade finish(String student, AnswerCompiler.Compiled compiled, List<TestOutcome> ran, long started) {
        List<TestOutcome> outcomes = new ArrayList<>();
        for (Exercise exercise : Exercises.ALL) {
            String problem = compiled.problems().get(exercise.id());
            for (GradedTest test : GradedTest.of(exercise)) {
                if (problem != null) {
                    outcomes.add(TestOutcome.failed(test, problem));
                } else {
                    outcomes.add(ran.stream().filter(outcome -> outcome.testId().equals(test.testId())).findFirst()
                            .map(outcome -> outcome.withMessage(compiled.mapLocations(outcome.message())))
                            .orElse(TestOutcome.failed(test, "not run")));
                }
            }
        }
        return new Grade(student, outcomes, compiled.leftOut(), (System.nanoTime() - started) / 1e9, containment());
    }

    private static Path runner;

    /**
     * The sandbox's own classes (the runner and the exercises' types), written once for this grader into a
     * folder every sandbox can read: what answers compile against, and the sandbox's class path.
     */
    static synchronized Path runnerClasses() {
        if (runner == null) {
            try {
                Path folder = Files.createTempDirectory("pooling-lab-runner-");
                SandboxClasses.write(folder);
                readableBySandboxes(folder, folder);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
                runner = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runner;
    }

    /**
     * Lets a sandbox's user mount {@code tree}: every folder on the way from {@code top} may be passed
     * through (not listed), and {@code tree} itself read.
     */
    private static void readableBySandboxes(Path top, Path tree) throws IOException {
        Files.setPosixFilePermissions(top, PosixFilePermissions.fromString("rwx--x--x"));
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
