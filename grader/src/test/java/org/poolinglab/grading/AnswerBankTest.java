package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.grading.tests.Mistake;

/**
 * The answer bank ({@code src/test/resources/answer-bank}): for every typical mistake of {@link Mistake},
 * a wrong answer named after it ({@code wrong/<exercise>/<mistake id>.java}), which loses points on its
 * own exercise only and gets exactly that mistake's hint; and answers the notebook accepts (calling
 * another answer's method, a test print left at the top level, ...), which get full marks. The notebooks
 * made from the bank are graded two at a time, as a class is; then the check cells, run as the kernel
 * runs them, must agree with the grader on every public test.
 */
@Execution(ExecutionMode.CONCURRENT)
@DisplayName("The answer bank")
class AnswerBankTest {

    static final Path BANK = Path.of("src", "test", "resources", "answer-bank").toAbsolutePath();

    /** One answer of the bank. */
    record Answer(String kind, String exerciseId, String name, String source) {

        String student() {
            return kind + "-" + exerciseId + "-" + name;
        }

        @Override
        public String toString() {
            return exerciseId + ": " + name.replace('-', ' ');
        }
    }

    private static Map<String, Grade> grades;
    private static Map<String, Path> notebooks;

    static List<Answer> bank(String kind) {
        List<Answer> answers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BANK.resolve(kind))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                answers.add(new Answer(kind, file.getParent().getFileName().toString(),
                        file.getFileName().toString().replaceAll("\\.java$", ""), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }

    static Stream<Answer> wrong() {
        return bank("wrong").stream();
    }

    static Stream<Answer> accepted() {
        return bank("accepted").stream();
    }

    /**
     * The notebooks that put many answers in at once, one per exercise: all the accepted ones, and the
     * wrong ones in rounds (the first wrong answer of each exercise, then the second, ...).
     */
    static Stream<Arguments> combined() {
        List<Arguments> combined = new ArrayList<>();
        combined.add(Arguments.of("accepted", group(bank("accepted")).values().stream().map(list -> list.get(0)).toList()));
        Map<String, List<Answer>> wrong = group(bank("wrong"));
        int rounds = wrong.values().stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            int index = round;
            combined.add(Arguments.of("wrong, round " + (round + 1), wrong.values().stream()
                    .filter(list -> list.size() > index).map(list -> list.get(index)).toList()));
        }
        return combined.stream();
    }

    /** Grades every notebook made from the bank, once, on two threads; the tests read the grades. */
    private static synchronized Map<String, Grade> grades() throws Exception {
        if (grades != null) {
            return grades;
        }
        Path folder = Files.createTempDirectory("answer-bank-");
        Map<String, Path> written = new LinkedHashMap<>();
        for (Answer answer : Stream.concat(wrong(), accepted()).toList()) {
            written.put(answer.student(), Submissions.withAnswer(folder, answer.student(), answer.exerciseId(), answer.source()));
        }
        for (Arguments arguments : combined().toList()) {
            String name = (String) arguments.get()[0];
            @SuppressWarnings("unchecked")
            List<Answer> answers = (List<Answer>) arguments.get()[1];
            Path notebook = Submissions.MASTER;
            for (Answer answer : answers) {
                notebook = Submissions.withAnswer(notebook, folder, name.replaceAll("\\W+", "-"), answer.exerciseId(), answer.source());
            }
            written.put(name, notebook);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Grade>> pending = new LinkedHashMap<>();
            written.forEach((student, notebook) -> pending.put(student, pool.submit(() -> Submissions.GRADER.grade(notebook, student))));
            Map<String, Grade> graded = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Grade>> entry : pending.entrySet()) {
                graded.put(entry.getKey(), entry.getValue().get());
            }
            notebooks = written;
            grades = graded;
            return grades;
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void aWrongAnswerLosesPointsOnlyWhereItIsUsedAndGetsItsHint(Answer answer) throws Exception {
        Grade grade = grades().get(answer.student());
        String table = Reports.table(grade);
        for (Exercise exercise : Exercises.ALL) {
            if (exercise.id().equals(answer.exerciseId())) {
                assertTrue(grade.score(exercise) < grade.maxScore(exercise), answer + " should lose points:\n" + table);
            } else if (!usesAnswerOf(exercise, answer.exerciseId())) {
                assertEquals(grade.maxScore(exercise), grade.score(exercise), exercise.id() + " keeps its points:\n" + table);
            }
        }
        Exercise own = Exercises.byId(answer.exerciseId()).orElseThrow();
        List<TestOutcome> outcomes = grade.outcomes(own);
        String mistakes = outcomes.stream().map(outcome -> outcome.name() + ": " + outcome.mistake() + "\n  "
                + outcome.message().lines().limit(2).collect(Collectors.joining("\n  "))).collect(Collectors.joining("\n"));
        assertTrue(outcomes.stream().anyMatch(outcome -> outcome.mistake().equals(answer.name())),
                answer + " should get its hint in a failed test:\n" + mistakes);
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.mistake().isEmpty() || outcome.mistake().equals(answer.name())),
                answer + " should get no other hint:\n" + mistakes);
        Mistake mistake = Mistake.byId(answer.name()).orElseThrow();
        String hint = "Likely mistake: " + Arrays.stream(mistake.hintFormat().split("%s", -1)).map(java.util.regex.Pattern::quote)
                .collect(Collectors.joining(".+"));
        assertTrue(outcomes.stream().filter(outcome -> outcome.mistake().equals(answer.name()))
                .allMatch(outcome -> outcome.message().lines().skip(1).findFirst().orElse("").matches(hint)),
                "the hint is the message's second line, in the catalogue's words:\n" + mistakes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void anAnswerTheNotebookAcceptsGetsFullMarks(Answer answer) throws Exception {
        Grade grade = grades().get(answer.student());
        assertEquals(grade.maxScore(), grade.score(), answer + ":\n" + Reports.table(grade) + grade.outcomes());
        String leftOut = grade.leftOut().get(answer.exerciseId());
        if (leftOut != null) {
            assertEquals(1, leftOut.lines().count(), "what was left out is said in one line: " + leftOut);
            assertTrue(Reports.feedback(grade).contains(Reports.escaped(leftOut)), "the feedback says what was left out");
        }
    }

    @Test
    void everyTypicalMistakeHasAWrongAnswerNamedAfterIt() {
        Map<String, List<String>> bank = new TreeMap<>();
        wrong().forEach(answer -> bank.computeIfAbsent(answer.exerciseId(), id -> new ArrayList<>()).add(answer.name()));
        Map<String, List<String>> catalogue = new TreeMap<>();
        Arrays.stream(Mistake.values()).forEach(mistake -> catalogue.computeIfAbsent(mistake.exercise(), id -> new ArrayList<>())
                .add(mistake.id()));
        catalogue.values().forEach(list -> list.sort(null));
        assertEquals(catalogue, bank, "answer-bank/wrong/<exercise>/<mistake id>.java, one for each Mistake");
        assertTrue(Exercises.ALL.stream().allMatch(exercise -> catalogue.containsKey(exercise.id())),
                "every exercise has typical mistakes");
    }

    /** The check cells, run as the kernel runs them, pass and fail exactly the public tests the grader does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("combined")
    void theCheckCellsAgreeWithTheGrader(String name, List<Answer> answers) throws Exception {
        Grade grade = grades().get(name);
        Map<String, Map<String, Boolean>> checked;
        try (NotebookShell shell = new NotebookShell()) {
            checked = shell.checkAll(notebooks.get(name));
        }
        assertEquals(Exercises.ALL.size(), checked.size(), "every check cell showed a report: " + checked.keySet());
        for (Exercise exercise : Exercises.ALL) {
            Map<String, Boolean> graded = new LinkedHashMap<>();
            grade.outcomes(exercise).stream().filter(outcome -> !outcome.hidden())
                    .forEach(outcome -> graded.put(outcome.name(), outcome.passed()));
            assertFalse(graded.isEmpty());
            assertEquals(graded, checked.get(exercise.id()), name + ", " + exercise.id() + ": the check cell and the grader disagree");
        }
        if (name.equals("accepted")) {
            assertEquals(grade.maxScore(), grade.score(), Reports.table(grade));
        } else {
            List<String> answered = answers.stream().map(Answer::exerciseId).toList();
            Exercises.ALL.stream().filter(exercise -> answered.contains(exercise.id())).forEach(exercise ->
                    assertTrue(grade.score(exercise) < grade.maxScore(exercise), exercise.id() + ":\n" + Reports.table(grade)));
        }
    }

    /** Whether the master's answer to {@code exercise} calls a method of {@code usedId}'s answer. */
    private static boolean usesAnswerOf(Exercise exercise, String usedId) {
        return AnswerCells.read(NotebookSubmission.read(Submissions.MASTER)).neededFor(exercise.id(), exercise.methodName())
                .stream().anyMatch(declaration -> declaration.exerciseId().equals(usedId));
    }

    private static Map<String, List<Answer>> group(List<Answer> answers) {
        Map<String, List<Answer>> byExercise = new LinkedHashMap<>();
        answers.forEach(answer -> byExercise.computeIfAbsent(answer.exerciseId(), id -> new ArrayList<>()).add(answer));
        return byExercise;
    }
}
