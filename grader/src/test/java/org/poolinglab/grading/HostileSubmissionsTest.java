package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/**
 * Answers that try to break the grader. Each fails only its own exercise (at least one test, with a
 * message saying what happened) while every other exercise keeps its points.
 */
@Execution(ExecutionMode.CONCURRENT) // each case grades in a JVM of its own
@DisplayName("Hostile submissions")
class HostileSubmissionsTest {

    private static final String MAX_POOL_HEAD = "double[][] maxPool(double[][] x, int window, int stride) {\n";
    private static final String BACKWARD_HEAD =
            "double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {\n";

    static java.util.stream.Stream<Arguments> attacks() {
        return java.util.stream.Stream.of(
                Arguments.of("an endless loop", "max-pool", MAX_POOL_HEAD + "while (true) { }\n}", "took longer than"),
                Arguments.of("an endless recursion", "max-pool-backward",
                        BACKWARD_HEAD + "return maxPoolBackward(x, window, stride, gradOutput);\n}",
                        "overflowed the stack (endless recursion?)"),
                Arguments.of("an answer that breaks its own set", "receptive-field",
                        "int receptiveField(int[] windows, int[] strides) {\nreturn Set.of(windows[0], windows[0]).size();\n}",
                        "threw java.lang.IllegalArgumentException: duplicate element: 3"),
                Arguments.of("System.exit", "max-pool", MAX_POOL_HEAD + "System.exit(3); return null;\n}", "called System.exit(3)"),
                Arguments.of("Runtime.halt", "max-pool", MAX_POOL_HEAD + "Runtime.getRuntime().halt(7); return null;\n}",
                        "stopped the JVM at once (Runtime.halt(7)"),
                Arguments.of("a memory hog", "max-pool", MAX_POOL_HEAD
                        + "List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1 << 20]);\n}", "ran out of memory"),
                Arguments.of("a flood of output", "max-pool", MAX_POOL_HEAD
                        + "for (long i = 0; i < 2_000_000_000L; i++) System.out.println(\"spam spam spam spam\");\nreturn null;\n}",
                        "took longer than"),
                Arguments.of("a compile error", "max-pool", MAX_POOL_HEAD + "return x[0] + ;\n}", "does not compile: cell"),
                Arguments.of("a non-daemon thread left running", "max-pool", MAX_POOL_HEAD
                        + "new Thread(() -> { while (true) { try { Thread.sleep(50); } catch (InterruptedException e) { } } }).start();\n"
                        + "return new double[][] {{6, 5}, {8, 9}};\n}", "left 1 thread(s) running"),
                Arguments.of("a renamed method", "max-pool", "double[][] maxPooling(double[][] x, int window, int stride) { return x; }",
                        "the answer must define double[][] maxPool(double[][] x, int window, int stride)"),
                Arguments.of("an exception", "max-pool", MAX_POOL_HEAD + "return new double[][] {{x[9][9]}};\n}",
                        "threw java.lang.ArrayIndexOutOfBoundsException"));
    }

    @org.junit.jupiter.api.Test
    void endlessLoopsInTwoExercisesUseUpOnlyTheirOwnTime(@TempDir Path folder) throws IOException {
        // Every test of both exercises runs into the 3 s limit, more than the submission's time in all; the
        // exercises that behave must still be graded in full.
        Path one = Submissions.withAnswer(folder, "one-loop", "max-pool", MAX_POOL_HEAD + "while (true) { }\n}");
        Path both = Submissions.withAnswer(one, folder, "two-loops", "output-size",
                "int outputSize(int input, int window, int stride, int padding, boolean ceilMode) { while (true) { } }");
        Grade grade = Submissions.GRADER.grade(both, "loops");
        String table = Reports.table(grade);
        for (Exercise exercise : Exercises.ALL) {
            boolean looping = exercise.id().equals("max-pool") || exercise.id().equals("output-size");
            assertEquals(looping ? 0 : grade.maxScore(exercise), grade.score(exercise), exercise.id() + ":\n" + table);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void failsOnlyItsOwnExerciseAndSaysWhy(String attack, String exerciseId, String answer, String expectedMessage,
                                           @TempDir Path folder) throws IOException {
        Exercise attacked = Exercises.byId(exerciseId).orElseThrow();
        Path notebook = Submissions.withAnswer(folder, "hostile", attacked.id(), answer);
        Grade grade = Submissions.GRADER.grade(notebook, "hostile");
        String table = Reports.table(grade) + "\n" + grade.outcomes();
        assertTrue(grade.score(attacked) < grade.maxScore(attacked), attack + " must not pass:\n" + table);
        assertTrue(grade.outcomes(attacked).stream().anyMatch(outcome -> outcome.message().contains(expectedMessage)),
                attack + " should be reported as '" + expectedMessage + "':\n" + table);
        for (Exercise exercise : Exercises.ALL) {
            if (exercise != attacked) {
                assertEquals(grade.maxScore(exercise), grade.score(exercise), exercise.id() + " keeps its points:\n" + table);
            }
        }
    }
}
