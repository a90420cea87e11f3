package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.grading.Grade;
import org.poolinglab.grading.Reports;
import org.poolinglab.grading.Sandbox;
import org.poolinglab.grading.SubmissionGrader;
import org.poolinglab.grading.TestOutcome;

/**
 * The check cells, run on the real Java kernel, and {@code ./lab grade} agree on the grader's own answer
 * bank ({@code grader/src/test/resources/answer-bank}): a notebook with every answer the notebook accepts
 * (answers that call each other, test prints left at the top level, ...) and one with a wrong answer to
 * every exercise. For each exercise, its check cell passes and fails exactly the public tests the grader
 * passes and fails.
 */
@DisplayName("The check cells and the grader")
class CheckAgreesWithGradingTest {

    private static final Path BANK = NotebooksTest.ROOT.resolve("grader/src/test/resources/answer-bank");
    private static final Path MASTER = NotebooksTest.ROOT.resolve("solutions/pooling-exercises.ipynb");
    private static final Path WORK = Path.of("target", "agreement").toAbsolutePath();
    private static final Pattern CHECK_LINE = Pattern.compile("^\\s+(PASS|FAIL)\\s+\\d+/\\d+\\s+(.+)$");

    @Test
    void agreeOnAnswersTheNotebookAccepts() throws Exception {
        Grade grade = checkAgreement("accepted");
        assertEquals(grade.maxScore(), grade.score(), () -> Reports.table(grade));
        assertFalse(grade.leftOut().isEmpty(), "the accepted answers leave test prints at the top level");
    }

    @Test
    void agreeOnAWrongAnswerToEveryExercise() throws Exception {
        Grade grade = checkAgreement("wrong");
        for (Exercise exercise : Exercises.ALL) {
            assertTrue(grade.score(exercise) < grade.maxScore(exercise), exercise.id() + " has a wrong answer:\n" + Reports.table(grade));
        }
    }

    /**
     * Puts the first answer of each exercise in {@code answer-bank/<kind>} into the master, runs the
     * notebook on the kernel, grades it, and compares each check cell with the grade.
     */
    private static Grade checkAgreement(String kind) throws Exception {
        Map<String, String> answers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(BANK.resolve(kind))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                answers.putIfAbsent(file.getParent().getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Path notebook = write(kind, answers);
        JsonObject executed = NotebooksTest.execute(notebook);
        assertTrue(NotebooksTest.problems(executed).isEmpty(), String.join("\n", NotebooksTest.problems(executed)));
        Sandbox.Limits limits = new Sandbox.Limits(Duration.ofSeconds(60), 256);
        SubmissionGrader grader;
        try {
            grader = SubmissionGrader.contained(limits);
        } catch (IllegalStateException e) {
            grader = SubmissionGrader.uncontained(limits); // not root: the same grades for answers that attack nothing
        }
        Grade grade = grader.grade(notebook, kind);
        int checks = 0;
        for (JsonElement element : executed.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            Matcher tag = Pattern.compile("\"check:([a-z0-9-]+)\"").matcher(cell.getAsJsonObject("metadata").toString());
            if (!tag.find()) {
                continue;
            }
            checks++;
            String exercise = tag.group(1);
            String report = NotebooksTest.outputs(cell).stream()
                    .map(output -> NotebooksTest.text(output.getAsJsonObject().getAsJsonObject("data").get("text/plain")))
                    .collect(Collectors.joining());
            Map<String, Boolean> checked = new LinkedHashMap<>();
            report.lines().map(CHECK_LINE::matcher).filter(Matcher::matches)
                    .forEach(line -> checked.put(line.group(2).strip(), line.group(1).equals("PASS")));
            Map<String, Boolean> graded = new LinkedHashMap<>();
            grade.outcomes().stream().filter(outcome -> outcome.exercise().equals(exercise) && !outcome.hidden())
                    .forEach(outcome -> graded.put(outcome.name(), outcome.passed()));
            assertEquals(graded, checked, kind + ", " + exercise + ": the check cell said\n" + report + "\nthe grader:\n"
                    + grade.outcomes().stream().filter(outcome -> outcome.exercise().equals(exercise))
                            .map(TestOutcome::toString).collect(Collectors.joining("\n")));
        }
        assertEquals(Exercises.ALL.size(), checks, "every check cell ran");
        return grade;
    }

    /** The master with {@code answers} (exercise id to answer cell) put in, loading the kit's jar by its full path. */
    private static Path write(String name, Map<String, String> answers) throws IOException {
        JsonObject notebook = NotebooksTest.read(MASTER);
        JsonArray cells = notebook.getAsJsonArray("cells");
        for (JsonElement element : cells) {
            JsonObject cell = element.getAsJsonObject();
            String source = NotebooksTest.text(cell.get("source"));
            if (source.strip().equals(NotebookRules.JARS_LINE)) {
                cell.add("source", lines("%jars " + NotebooksTest.ROOT.resolve("notebook-jar/target/pooling-lab.jar")));
            }
            Matcher tag = Pattern.compile("\"answer:([a-z0-9-]+)\"").matcher(cell.getAsJsonObject("metadata").toString());
            if (tag.find() && answers.containsKey(tag.group(1))) {
                cell.add("source", lines(answers.get(tag.group(1))));
            }
        }
        Files.createDirectories(WORK);
        Path file = WORK.resolve(name + ".ipynb");
        Files.writeString(file, notebook.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static JsonArray lines(String source) {
        JsonArray lines = new JsonArray();
        List.of(source.split("(?<=\n)")).forEach(lines::add);
        return lines;
    }
}
