package org.poolinglab.grading;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.grading.tests.Mistake;

/** Grades one notebook: reads its answer cells, compiles each exercise on its own, runs the tests in a sandbox. */
public final class SubmissionGrader {

    /** Set this system property to true to keep each submission's temporary folder (sources, events, JVM output). */
    public static final String KEEP_WORK_PROPERTY = "poolinglab.grader.keepWork";

    private final String classpath;
    private final Sandbox.Limits limits;

    /**
     * @param classpath what the answers compile against and the test JVM runs on (lesson-lib, the grader)
     */
    public SubmissionGrader(String classpath, Sandbox.Limits limits) {
        this.classpath = classpath;
        this.limits = limits;
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
        Prepared prepared = prepare(notebook, student);
        try {
            List<TestOutcome> ran = prepared.runnable().isEmpty() ? List.of()
                    : Sandbox.run(prepared.runnable(), prepared.compiled().classes(), prepared.workDir(), classpath, limits);
            return finish(prepared, ran);
        } finally {
            cleanUp(prepared);
        }
    }

    /**
     * Changes whenever the graded tests, the exercises or the words of a hint change: a rerun of a class regrades everything then,
     * and a Gradescope autograder can tell it runs the exercise set it was built for.
     */
    public static String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Class<?>> classes = new ArrayList<>(List.of(Exercises.class, AnswerCells.class, AnswerCompiler.class, GradedRun.class,
                    Sandbox.class, Calls.class, MapAssert.class, Mistake.class));
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

    /** A submission in a batch: its grade, or why it could not be read. */
    public record Graded(String student, Grade grade, String unreadable) {
    }

    /**
     * Grades several notebooks with one test JVM for all of them (see {@link Sandbox#runBatch}); same
     * grades as {@link #grade}, a fraction of the start-up cost.
     *
     * @param notebooks student name to notebook, in order
     */
    public List<Graded> gradeBatch(Map<String, Path> notebooks) {
        List<Graded> graded = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> entry : notebooks.entrySet()) {
                try {
                    prepared.add(prepare(entry.getValue(), entry.getKey()));
                } catch (UnreadableSubmissionException e) {
                    graded.add(new Graded(entry.getKey(), null, e.getMessage()));
                }
            }
            List<Prepared> runnable = prepared.stream().filter(p -> !p.runnable().isEmpty()).toList();
            List<List<TestOutcome>> ran = runnable.isEmpty() ? List.of() : Sandbox.runBatch(runnable.stream()
                    .map(p -> new Sandbox.Job(p.compiled().classes(), p.workDir(), p.runnable())).toList(), classpath, limits);
            for (Prepared p : prepared) {
                int index = runnable.indexOf(p);
                graded.add(new Graded(p.student(), finish(p, index < 0 ? List.of() : ran.get(index)), null));
            }
        } finally {
            prepared.forEach(this::cleanUp);
        }
        List<String> order = List.copyOf(notebooks.keySet());
        graded.sort(java.util.Comparator.comparingInt(g -> order.indexOf(g.student())));
        return graded;
    }

    /** A submission read and compiled, ready for its tests. */
    private record Prepared(String student, Path workDir, AnswerCompiler.Compiled compiled, List<Exercise> runnable,
                            long started) {
    }

    private Prepared prepare(Path notebook, String student) {
        long started = System.nanoTime();
        NotebookSubmission submission = NotebookSubmission.read(notebook);
        try {
            Path workDir = Files.createTempDirectory("pooling-lab-grade-");
            AnswerCompiler.Compiled compiled = AnswerCompiler.compile(submission, Exercises.ALL, workDir, classpath);
            List<Exercise> runnable = Exercises.ALL.stream()
                    .filter(exercise -> !compiled.problems().containsKey(exercise.id())).toList();
            return new Prepared(student, workDir, compiled, runnable, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every graded test's outcome, in exercise order: a compile problem fails all of its exercise's tests. */
    private static Grade finish(Prepared prepared, List<TestOutcome> ran) {
        List<TestOutcome> outcomes = new ArrayList<>();
        for (Exercise exercise : Exercises.ALL) {
            String problem = prepared.compiled().problems().get(exercise.id());
            for (GradedTest test : GradedTest.of(exercise)) {
                if (problem != null) {
                    outcomes.add(TestOutcome.failed(test, problem));
                } else {
                    ran.stream().filter(outcome -> outcome.testId().equals(test.testId())).findFirst()
                            .map(outcome -> outcome.withMessage(prepared.compiled().mapLocations(outcome.message())))
                            .ifPresent(outcomes::add);
                }
            }
        }
        return new Grade(prepared.student(), outcomes, prepared.compiled().leftOut(), (System.nanoTime() - prepared.started()) / 1e9);
    }

    private void cleanUp(Prepared prepared) {
        if (!Boolean.getBoolean(KEEP_WORK_PROPERTY)) {
            deleteQuietly(prepared.workDir());
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
