package org.poolinglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

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
        long started = System.nanoTime();
        NotebookSubmission submission = NotebookSubmission.read(notebook);
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("pooling-lab-grade-");
            AnswerCompiler.Compiled compiled = AnswerCompiler.compile(submission, Exercises.ALL, workDir, classpath);
            List<Exercise> runnable = Exercises.ALL.stream()
                    .filter(exercise -> !compiled.problems().containsKey(exercise.id())).toList();
            List<TestOutcome> ran = runnable.isEmpty() ? List.of()
                    : Sandbox.run(runnable, compiled.classes(), workDir, classpath, limits);
            List<TestOutcome> outcomes = new ArrayList<>();
            for (Exercise exercise : Exercises.ALL) {
                String problem = compiled.problems().get(exercise.id());
                for (GradedTest test : GradedTest.of(exercise)) {
                    if (problem != null) {
                        outcomes.add(TestOutcome.failed(test, problem));
                    } else {
                        ran.stream().filter(outcome -> outcome.testId().equals(test.testId())).findFirst()
                                .map(outcome -> outcome.withMessage(compiled.mapLocations(outcome.message())))
                                .ifPresent(outcomes::add);
                    }
                }
            }
            return new Grade(student, outcomes, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!Boolean.getBoolean(KEEP_WORK_PROPERTY)) {
                deleteQuietly(workDir);
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
