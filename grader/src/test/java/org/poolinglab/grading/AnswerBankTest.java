package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/**
 * The answer bank ({@code src/test/resources/answer-bank}): typical wrong answers, each losing points on
 * its own exercise only, and answers the notebook accepts (calling another answer's method, a test print
 * left at the top level, ...), which get full marks. For every one, the notebook's check cell, run as the
 * kernel runs it, and the grader agree on every public test.
 */
@Execution(ExecutionMode.CONCURRENT) // each case grades in a JVM of its own
@DisplayName("The answer bank")
class AnswerBankTest {

    static final Path BANK = Path.of("src", "test", "resources", "answer-bank").toAbsolutePath();

    /** JShells that run notebooks as the kernel does, one per test thread at a time. */
    private static final BlockingQueue<NotebookShell> SHELLS = new LinkedBlockingQueue<>();
    private static final List<NotebookShell> ALL_SHELLS = new ArrayList<>();

    static Stream<Arguments> wrong() throws IOException {
        return answers("wrong");
    }

    static Stream<Arguments> accepted() throws IOException {
        return answers("accepted");
    }

    /** Every {@code <kind>/<exercise id>/<what it shows>.java} of the bank: (what it shows, exercise id, answer). */
    private static Stream<Arguments> answers(String kind) throws IOException {
        List<Arguments> answers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BANK.resolve(kind))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString().replaceAll("\\.java$", "").replace('-', ' ');
                answers.add(Arguments.of(name, file.getParent().getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return answers.stream();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("wrong")
    void aWrongAnswerLosesPointsOnlyWhereItIsUsed(String mistake, String exerciseId, String answer, @TempDir Path folder)
            throws IOException {
        Path notebook = Submissions.withAnswer(folder, "wrong", exerciseId, answer);
        Grade grade = Submissions.GRADER.grade(notebook, "wrong");
        for (Exercise exercise : Exercises.ALL) {
            if (exercise.id().equals(exerciseId)) {
                assertTrue(grade.score(exercise) < grade.maxScore(exercise), mistake + " should lose points:\n" + Reports.table(grade));
            } else if (!usesAnswerOf(exercise, exerciseId)) {
                assertEquals(grade.maxScore(exercise), grade.score(exercise), exercise.id() + " keeps its points:\n" + Reports.table(grade));
            }
        }
        assertTheCheckCellAgrees(notebook, exerciseId, grade);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("accepted")
    void anAnswerTheNotebookAcceptsGetsFullMarks(String variation, String exerciseId, String answer, @TempDir Path folder)
            throws IOException {
        Path notebook = Submissions.withAnswer(folder, "accepted", exerciseId, answer);
        Grade grade = Submissions.GRADER.grade(notebook, "accepted");
        assertEquals(grade.maxScore(), grade.score(), variation + ":\n" + Reports.table(grade) + grade.outcomes());
        String leftOut = grade.leftOut().get(exerciseId);
        if (leftOut != null) {
            assertEquals(1, leftOut.lines().count(), "what was left out is said in one line: " + leftOut);
            assertTrue(Reports.feedback(grade).contains(leftOut), "the feedback says what was left out");
        }
        assertTheCheckCellAgrees(notebook, exerciseId, grade);
    }

    /** Whether the master's answer to {@code exercise} calls a method of {@code usedId}'s answer. */
    private static boolean usesAnswerOf(Exercise exercise, String usedId) {
        return MASTER.get().neededFor(exercise.id(), exercise.methodName()).stream()
                .anyMatch(declaration -> declaration.exerciseId().equals(usedId));
    }

    private static final ThreadLocal<AnswerCells> MASTER = ThreadLocal.withInitial(
            () -> AnswerCells.read(NotebookSubmission.read(Submissions.MASTER)));

    /** The check cell, run as the kernel runs it, passes and fails exactly the public tests the grader does. */
    private static void assertTheCheckCellAgrees(Path notebook, String exerciseId, Grade grade) throws IOException {
        Map<String, Boolean> graded = new LinkedHashMap<>();
        grade.outcomes().stream().filter(outcome -> outcome.exercise().equals(exerciseId) && !outcome.hidden())
                .forEach(outcome -> graded.put(outcome.name(), outcome.passed()));
        assertFalse(graded.isEmpty());
        NotebookShell shell = SHELLS.poll();
        if (shell == null) {
            shell = new NotebookShell();
            synchronized (ALL_SHELLS) {
                ALL_SHELLS.add(shell);
            }
        }
        try {
            assertEquals(graded, shell.check(notebook, exerciseId), "the check cell and the grader disagree");
        } finally {
            SHELLS.add(shell);
        }
    }

    @AfterAll
    static void closeShells() {
        ALL_SHELLS.forEach(NotebookShell::close);
    }
}
