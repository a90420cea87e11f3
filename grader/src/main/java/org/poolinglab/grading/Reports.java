package org.poolinglab.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/** A grade written three ways: Gradescope's results.json, feedback for the student, a table for the terminal. */
public final class Reports {

    private Reports() {
    }

    /**
     * Gradescope's results.json: total score, time, and one entry per graded test; hidden tests become
     * visible "after_published", and their messages are not shown to the student.
     */
    public static String resultsJson(Grade grade) {
        JsonObject results = new JsonObject();
        results.addProperty("score", grade.score());
        results.addProperty("execution_time", Math.round(grade.seconds() * 10) / 10.0);
        StringBuilder output = new StringBuilder("Graded by Pooling Lab: " + grade.score() + " of " + grade.maxScore() + " points.");
        for (Exercise exercise : Exercises.ALL) {
            if (grade.leftOut().containsKey(exercise.id())) {
                output.append("\n").append(exercise.id()).append(": ").append(grade.leftOut().get(exercise.id()));
            }
        }
        results.addProperty("output", output.toString());
        results.addProperty("visibility", "visible");
        results.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        int exerciseNumber = 0;
        for (Exercise exercise : Exercises.ALL) {
            exerciseNumber++;
            int testNumber = 0;
            for (TestOutcome outcome : grade.outcomes(exercise)) {
                testNumber++;
                JsonObject test = new JsonObject();
                test.addProperty("name", exercise.id() + ": " + outcome.name());
                test.addProperty("number", exerciseNumber + "." + testNumber);
                test.addProperty("score", outcome.score());
                test.addProperty("max_score", outcome.points());
                test.addProperty("status", outcome.passed() ? "passed" : "failed");
                test.addProperty("output", outcome.passed() ? "" : outcome.message()
                        + (outcome.output().isBlank() ? "" : "\n\nYour code printed:\n" + outcome.output()));
                test.addProperty("visibility", outcome.hidden() ? "after_published" : "visible");
                JsonArray tags = new JsonArray();
                tags.add(exercise.id());
                test.add("tags", tags);
                tests.add(test);
            }
        }
        results.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results) + "\n";
    }

    /** Feedback for the student, in Markdown. Hidden tests say only whether they passed. */
    public static String feedback(Grade grade) {
        StringBuilder text = new StringBuilder("# Feedback for ").append(grade.student()).append("\n\n")
                .append("**").append(grade.score()).append(" of ").append(grade.maxScore()).append(" points** (")
                .append(percent(grade)).append(").\n");
        for (Exercise exercise : Exercises.ALL) {
            text.append("\n## ").append(exercise.id()).append(": ").append(exercise.title()).append(" (")
                    .append(grade.score(exercise)).append(" of ").append(grade.maxScore(exercise)).append(")\n\n");
            if (grade.leftOut().containsKey(exercise.id())) {
                text.append("> ").append(grade.leftOut().get(exercise.id())).append("\n\n");
            }
            for (TestOutcome outcome : grade.outcomes(exercise)) {
                text.append("- ").append(outcome.passed() ? "passed" : "**failed**").append(" (")
                        .append(outcome.score()).append("/").append(outcome.points()).append("): ")
                        .append(outcome.hidden() ? "hidden test" : outcome.name()).append('\n');
                if (!outcome.passed() && !outcome.hidden()) {
                    text.append("\n  ```\n");
                    outcome.message().lines().limit(30).forEach(line -> text.append("  ").append(line).append('\n'));
                    text.append("  ```\n\n");
                }
            }
        }
        return text.toString();
    }

    /** One line per exercise, for the terminal. */
    public static String table(Grade grade) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-18s %6s  %s%n", "exercise", "points", "tests failed"));
        for (Exercise exercise : Exercises.ALL) {
            List<TestOutcome> failed = grade.outcomes(exercise).stream().filter(outcome -> !outcome.passed()).toList();
            String detail = failed.isEmpty() ? "-" : failed.size() + ": " + firstLine(failed.get(0).message());
            text.append(String.format(Locale.ROOT, "%-18s %3d/%-3d %s%n", exercise.id(), grade.score(exercise),
                    grade.maxScore(exercise), detail));
        }
        text.append(String.format(Locale.ROOT, "%-18s %3d/%-3d %s%n", "total", grade.score(), grade.maxScore(), percent(grade)));
        for (Exercise exercise : Exercises.ALL) {
            if (grade.leftOut().containsKey(exercise.id())) {
                text.append(exercise.id()).append(": ").append(grade.leftOut().get(exercise.id())).append('\n');
            }
        }
        return text.toString();
    }

    static String percent(Grade grade) {
        return String.format(Locale.ROOT, "%.0f%%", grade.maxScore() == 0 ? 0.0 : 100.0 * grade.score() / grade.maxScore());
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 90 ? line.substring(0, 87) + "..." : line;
    }
}
