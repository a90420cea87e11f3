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
            Path usesMaxPool = Submissions.withAnswer(folder, "uses-max-pool", "unchanged-shifts", """
                    Set<Shift> unchangedShifts(double[][] x) {
                        Set<Shift> unchanged = EnumSet.noneOf(Shift.class);
                        for (Shift shift : Shift.values()) {
                            double[][] moved = new double[x.length][x[0].length];
                            for (int r = Math.max(0, shift.down()); r < x.length + Math.min(0, shift.down()); r++) {
                                for (int c = Math.max(0, shift.right()); c < x[0].length + Math.min(0, shift.right()); c++) {
                                    moved[r][c] = x[r - shift.down()][c - shift.right()];
                                }
                            }
                            if (Arrays.deepEquals(maxPool(moved, 2, 2), maxPool(x, 2, 2))) {
                                unchanged.add(shift);
                            }
                        }
                        return unchanged;
                    }""");
            Path notebook = Submissions.withAnswer(usesMaxPool, folder, "broken-max-pool", "max-pool", """
                    double[][] maxPool(double[][] x, int window, int stride) {
                        double[][] out = new double[(x.length - window) / stride + 1][(x[0].length - window) / stride + 1];
                        return out
                    }""");
            Grade grade = Submissions.GRADER.grade(notebook, "broken-max-pool");
            String table = Reports.table(grade);
            Exercise maxPool = Exercises.byId("max-pool").orElseThrow();
            Exercise shifts = Exercises.byId("unchanged-shifts").orElseThrow();
            assertEquals(0, grade.score(maxPool) + grade.score(shifts), table);
            assertEquals(grade.maxScore() - grade.maxScore(maxPool) - grade.maxScore(shifts), grade.score(), table);
            assertTrue(grade.outcomes(maxPool).get(0).message().startsWith("does not compile: cell 10, line 3: ';' expected"),
                    grade.outcomes(maxPool).get(0).message());
            assertTrue(grade.outcomes(shifts).get(0).message().startsWith("does not compile: it uses maxPool from your "
                    + "answer to max-pool, which does not compile (cell 10, line 3: ';' expected)"),
                    grade.outcomes(shifts).get(0).message());
        }

        @Test
        void aBrokenHelperNothingCallsCostsNothing(@TempDir Path folder) throws IOException {
            // The kernel rejects only the broken snippet; the answer's own method still works, and so it grades.
            Path notebook = Submissions.withAnswer(folder, "half-written", "avg-as-conv", """
                    double[][] averagingFilter(int window) {
                        double[][] filter = new double[window][window];
                        for (double[] row : filter) {
                            Arrays.fill(row, 1.0 / (window * window));
                        }
                        return filter;
                    }

                    double[][] notFinishedYet(int window) {
                        return
                    }""");
            assertEquals(100, Submissions.GRADER.grade(notebook, "half-written").score());
        }

        @Test
        void topLevelStatementsAreLeftOutNeverRunAndNamedInOneLine(@TempDir Path folder) throws IOException {
            Path notebook = Submissions.withAnswer(folder, "statements", "global-avg-pool", """
                    double[] globalAvgPool(double[][][] x) {
                        double[] means = new double[x.length];
                        for (int c = 0; c < x.length; c++) {
                            means[c] = Arrays.stream(x[c]).flatMapToDouble(Arrays::stream).average().orElse(0);
                        }
                        return means;
                    }
                    double[][][] tiny = {{{1, 2}, {3, 4}}};
                    System.out.println(Arrays.toString(globalAvgPool(tiny)));
                    System.exit(1);
                    globalAvgPool(tiny)""");
            Grade grade = Submissions.GRADER.grade(notebook, "statements");
            assertEquals(100, grade.score(), () -> Reports.table(grade));
            assertEquals("Left out, not graded and not run (only declarations count in an answer cell): "
                    + "cell 14, line 8 \"tiny\", a variable no graded method uses; "
                    + "cell 14, line 9 \"System.out.println(Arrays.toString(gl...\"; cell 14, line 10 \"System.exit(1);\"; "
                    + "cell 14, line 11 \"globalAvgPool(tiny)\"",
                    grade.leftOut().get("global-avg-pool"));
            assertTrue(Reports.feedback(grade).contains("> " + Reports.escaped(grade.leftOut().get("global-avg-pool"))));
            assertTrue(Reports.resultsJson(grade).contains("global-avg-pool: Left out, not graded and not run"));
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
}
