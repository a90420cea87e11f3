package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

@DisplayName("Grading a notebook")
class GradingTest {

    @Test
    void theMasterGetsFullMarks() {
        Grade grade = Submissions.GRADER.grade(Submissions.MASTER, "master");
        assertEquals(100, grade.maxScore());
        assertEquals(100, grade.score(), () -> Reports.table(grade));
    }

    @Test
    void theStudentVersionGetsNothingAndSaysWhy() {
        Grade grade = Submissions.GRADER.grade(Submissions.STUDENT, "student");
        assertEquals(0, grade.score());
        assertEquals(100, grade.maxScore());
        assertTrue(grade.outcomes().stream().allMatch(outcome -> outcome.message().contains("not answered yet")),
                () -> Reports.table(grade));
    }

    @Test
    void everyExerciseIsWorthWhatItsHeadingSaysAndNamesItsNotebookAndAWorkedExample() throws IOException {
        String master = Files.readString(Submissions.MASTER);
        int total = 0;
        for (Exercise exercise : Exercises.ALL) {
            int points = GradedTest.of(exercise).stream().mapToInt(GradedTest::points).sum();
            assertEquals(exercise.points(), points, exercise.id() + ": Exercises says it is worth " + exercise.points()
                    + " points, its tests add up to " + points);
            total += points;
            String heading = "(`" + exercise.id() + "`, " + points + " points)";
            assertTrue(master.contains(heading), exercise.id() + "'s heading should say " + points + " points");
            String section = master.substring(master.indexOf(heading)).split("## ", 2)[0];
            assertTrue(section.contains("*Builds on notebook"), exercise.id() + " says which lesson notebook it builds on");
            assertTrue(section.contains(exercise.notebook().substring(0, 2) + " ("), exercise.id() + " names notebook "
                    + exercise.notebook());
            assertTrue(section.contains("**Worked example**"), exercise.id() + " works an example through");
        }
        assertEquals(100, total);
    }

    @Test
    void workedExamplesShowTheReasoningNotACallThatAnswers() throws IOException {
        // Between an exercise's heading and its answer cell: words only, no code cell to print an answer.
        JsonArray cells = JsonParser.parseString(Files.readString(Submissions.MASTER)).getAsJsonObject().getAsJsonArray("cells");
        String section = null;
        for (JsonElement element : cells) {
            JsonObject cell = element.getAsJsonObject();
            String source = Assign.source(cell);
            if (cell.get("cell_type").getAsString().equals("markdown") && source.startsWith("## ")) {
                section = source.lines().findFirst().orElseThrow();
            } else if (cell.get("cell_type").getAsString().equals("code") && section != null) {
                assertTrue(cell.getAsJsonObject("metadata").toString().contains("answer:"),
                        section + ": a code cell before the answer cell:\n" + source);
                section = null;
            }
        }
    }

    @Test
    void onlyAnswerCellsAreRun(@TempDir Path folder) throws IOException {
        // A check cell that would end the JVM changes nothing: only answer cells are compiled.
        JsonObject notebook = JsonParser.parseString(Files.readString(Submissions.MASTER)).getAsJsonObject();
        for (JsonElement cell : notebook.getAsJsonArray("cells")) {
            JsonObject code = cell.getAsJsonObject();
            if (code.getAsJsonObject("metadata").toString().contains("check:")) {
                JsonArray source = new JsonArray();
                source.add("System.exit(1);");
                code.add("source", source);
            }
        }
        Path edited = folder.resolve("edited-checks.ipynb");
        Files.writeString(edited, notebook.toString());
        assertEquals(100, Submissions.GRADER.grade(edited, "edited-checks").score());
    }

    @Nested
    @DisplayName("answer cells, read as the notebook reads them")
    class AnswerCellsAsTheNotebookReadsThem {

        @Test
        void aCompileErrorCostsItsAnswerAndTheAnswersThatUseItAndSaysSo(@TempDir Path folder) throws IOException {
            Path usesOutputSize = Submissions.withAnswer(folder, "uses-output-size", "dense-weights", """
                    long denseWeights(int size, int[] filters, int pool, int units) {
                        int side = size;
                        for (int filter : filters) {
                            side = outputSize(outputSize(side, 3, 1, 0, false), pool, pool, 0, false);
                        }
                        return (long) filters[filters.length - 1] * side * side * units + units;
                    }""");
            Path notebook = Submissions.withAnswer(usesOutputSize, folder, "broken-output-size", "output-size", """
                    int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
                        int steps = (input + 2 * padding - window) / stride;
                        return steps + 1
                    }""");
            Grade grade = Submissions.GRADER.grade(notebook, "broken-output-size");
            String table = Reports.table(grade);
            Exercise outputSize = Exercises.byId("output-size").orElseThrow();
            Exercise dense = Exercises.byId("dense-weights").orElseThrow();
            assertEquals(0, grade.score(outputSize) + grade.score(dense), table);
            assertEquals(grade.maxScore() - grade.maxScore(outputSize) - grade.maxScore(dense), grade.score(), table);
            int cell = answerCell("output-size");
            assertTrue(grade.outcomes(outputSize).get(0).message().startsWith("does not compile: cell " + cell + ", line 3: ';' expected"),
                    grade.outcomes(outputSize).get(0).message());
            assertTrue(grade.outcomes(dense).get(0).message().startsWith("does not compile: it uses outputSize from your "
                    + "answer to output-size, which does not compile (cell " + cell + ", line 3: ';' expected)"),
                    grade.outcomes(dense).get(0).message());
        }

        @Test
        void aBrokenHelperNothingCallsCostsNothing(@TempDir Path folder) throws IOException {
            // The kernel rejects only the broken snippet; the answer's own method still works, and so it grades.
            Path notebook = Submissions.withAnswer(folder, "half-written", "receptive-field", """
                    int receptiveField(int[] windows, int[] strides) {
                        int field = 1;
                        int step = 1;
                        for (int i = 0; i < windows.length; i++) {
                            field += (windows[i] - 1) * step;
                            step *= strides[i];
                        }
                        return field;
                    }

                    double[][] notFinishedYet(int window) {
                        return
                    }""");
            assertEquals(100, Submissions.GRADER.grade(notebook, "half-written").score());
        }

        @Test
        void topLevelStatementsAreLeftOutNeverRunAndNamedInOneLine(@TempDir Path folder) throws IOException {
            Path notebook = Submissions.withAnswer(folder, "statements", "receptive-field", """
                    int receptiveField(int[] windows, int[] strides) {
                        int cells = 1;
                        for (int i = windows.length - 1; i >= 0; i--) {
                            cells = (cells - 1) * strides[i] + windows[i];
                        }
                        return cells;
                    }
                    int[] tiny = {3, 2};
                    System.out.println(receptiveField(tiny, new int[] {1, 2}));
                    System.exit(1);
                    receptiveField(tiny, tiny)""");
            Grade grade = Submissions.GRADER.grade(notebook, "statements");
            assertEquals(100, grade.score(), () -> Reports.table(grade));
            int cell = answerCell("receptive-field");
            assertEquals("Left out, not graded and not run (only declarations count in an answer cell): "
                    + "cell " + cell + ", line 8 \"tiny\", a variable no graded method uses; "
                    + "cell " + cell + ", line 9 \"System.out.println(receptiveField(tin...\"; cell " + cell
                    + ", line 10 \"System.exit(1);\"; cell " + cell + ", line 11 \"receptiveField(tiny, tiny)\"",
                    grade.leftOut().get("receptive-field"));
            assertTrue(Reports.feedback(grade).contains("> " + Reports.escaped(grade.leftOut().get("receptive-field"))));
            assertTrue(Reports.resultsJson(grade).contains("receptive-field: Left out, not graded and not run"));
        }
    }

    @Nested
    @DisplayName("reports")
    class ReportsOfAGrade {

        @Test
        void showWhatEachTestPrintedAndSayWhenAFloodWasCut(@TempDir Path folder) throws IOException {
            // About 20 MB per call: every max-pool test floods, and still passes.
            Path notebook = Submissions.withAnswer(folder, "chatty", "max-pool", """
                    double[][] maxPool(double[][] x, int window, int stride) {
                        System.out.println("maxPool called on a " + x.length + "x" + x[0].length + " map");
                        for (int i = 0; i < 400_000; i++) {
                            System.out.println("still looking for the maximum, step " + i);
                        }
                        double[][] out = new double[(x.length - window) / stride + 1][(x[0].length - window) / stride + 1];
                        for (int r = 0; r < out.length; r++) {
                            for (int c = 0; c < out[0].length; c++) {
                                out[r][c] = Double.NEGATIVE_INFINITY;
                                for (int i = 0; i < window * window; i++) {
                                    out[r][c] = Math.max(out[r][c], x[r * stride + i / window][c * stride + i % window]);
                                }
                            }
                        }
                        return out;
                    }""");
            Grade grade = Submissions.GRADER.grade(notebook, "chatty");
            Exercise maxPool = Exercises.byId("max-pool").orElseThrow();
            assertEquals(grade.maxScore(), grade.score(), () -> Reports.table(grade));
            TestOutcome lesson = grade.outcomes(maxPool).stream().filter(o -> o.testId().endsWith("#lessonExample")).findFirst().orElseThrow();
            assertTrue(lesson.printed() > 10_000_000, "it printed " + lesson.printed());
            assertTrue(lesson.output().startsWith("maxPool called on a 4x4 map\nstill looking for the maximum, step 0\n"), lesson.output());
            assertTrue(lesson.output().length() < 5000 && lesson.output().endsWith(" printed, only the first 4.0 KB kept]"),
                    lesson.output());

            String note = Reports.notes(grade, maxPool).get(0);
            assertTrue(note.matches("Your code printed \\d+\\.\\d MB while these tests ran; 6 tests printed more than the 4.0 KB.*"), note);
            assertTrue(Reports.feedback(grade).contains("> " + Reports.escaped(note)));
            assertTrue(Reports.feedback(grade).contains("  Your code printed:\n\n  ```text\n  maxPool called on a 4x4 map\n"));
            assertTrue(Reports.table(grade).contains("max-pool: " + note));
            JsonObject results = JsonParser.parseString(Reports.resultsJson(grade)).getAsJsonObject();
            assertTrue(results.get("output").getAsString().contains(note));
            JsonObject first = results.getAsJsonArray("tests").asList().stream().map(JsonElement::getAsJsonObject)
                    .filter(test -> test.get("name").getAsString().equals("max-pool: " + lesson.name())).findFirst().orElseThrow();
            assertTrue(first.get("output").getAsString().startsWith("Your code printed (")
                    && first.get("output").getAsString().contains("[output cut: "), first.toString());
        }

        @Test
        void resultsJsonFollowsGradescopesSchemaAndHidesHiddenTestsUntilPublished() {
            Grade grade = Submissions.GRADER.grade(Submissions.STUDENT, "student");
            JsonObject results = JsonParser.parseString(Reports.resultsJson(grade)).getAsJsonObject();
            assertEquals(0, results.get("score").getAsInt());
            assertTrue(results.has("execution_time") && results.has("output"));
            JsonArray tests = results.getAsJsonArray("tests");
            assertEquals(grade.outcomes().size(), tests.size());
            for (int i = 0; i < tests.size(); i++) {
                JsonObject test = tests.get(i).getAsJsonObject();
                for (String field : new String[] {"name", "score", "max_score", "status", "output", "visibility"}) {
                    assertTrue(test.has(field), "test " + i + " has " + field);
                }
                TestOutcome outcome = grade.outcomes().get(i);
                assertEquals(outcome.hidden() ? "after_published" : "visible", test.get("visibility").getAsString());
                assertEquals("failed", test.get("status").getAsString());
            }
        }

        @Test
        void feedbackNeverShowsWhatAHiddenTestChecks() {
            Grade grade = Submissions.GRADER.grade(Submissions.STUDENT, "student");
            String feedback = Reports.feedback(grade);
            for (TestOutcome outcome : grade.outcomes()) {
                if (outcome.hidden()) {
                    assertFalse(feedback.contains(outcome.name()), "feedback names hidden test '" + outcome.name() + "'");
                }
            }
            assertTrue(feedback.contains("hidden test"));
            assertTrue(feedback.contains("**0 of 100 points**"));
        }
    }

    @Nested
    @DisplayName("files that are not notebooks")
    class Unreadable {

        @Test
        void notJson(@TempDir Path folder) throws IOException {
            Path file = Files.writeString(folder.resolve("essay.ipynb"), "Dear grader,");
            UnreadableSubmissionException error = assertThrows(UnreadableSubmissionException.class,
                    () -> Submissions.GRADER.grade(file, "essay"));
            assertTrue(error.getMessage().endsWith("is not a Jupyter notebook (not valid JSON)"), error.getMessage());
        }

        @Test
        void jsonButNotANotebook(@TempDir Path folder) throws IOException {
            Path file = Files.writeString(folder.resolve("data.ipynb"), "[1, 2, 3]");
            UnreadableSubmissionException error = assertThrows(UnreadableSubmissionException.class,
                    () -> Submissions.GRADER.grade(file, "data"));
            assertTrue(error.getMessage().contains("is JSON but not a Jupyter notebook"), error.getMessage());
        }

        @Test
        void theCommandSaysSoInOneLineAndExitsNonZero(@TempDir Path folder) throws IOException {
            Path file = Files.writeString(folder.resolve("essay.ipynb"), "Dear grader,");
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int status = GradeCommand.run(new String[] {file.toString(), "--out", folder.resolve("out").toString()},
                    new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
            assertEquals(2, status);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().contains("not a Jupyter notebook"));
        }
    }

    /** The number of the master's answer cell for an exercise, as the grader counts cells (from 1). */
    static int answerCell(String exerciseId) {
        return NotebookSubmission.read(Submissions.MASTER).answers(exerciseId).get(0).cellNumber();
    }
}
