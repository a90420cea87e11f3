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
    void everyExerciseIsWorthWhatItsHeadingSays() throws IOException {
        String master = Files.readString(Submissions.MASTER);
        int total = 0;
        for (Exercise exercise : Exercises.ALL) {
            int points = GradedTest.of(exercise).stream().mapToInt(GradedTest::points).sum();
            total += points;
            assertTrue(master.contains("(`" + exercise.id() + "`, " + points + " points)"),
                    exercise.id() + "'s heading should say " + points + " points");
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
    @DisplayName("reports")
    class ReportsOfAGrade {

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
