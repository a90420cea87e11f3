package org.poolinglab.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.sandbox.CappedOutput;
import org.poolinglab.exercises.Exercises;

/**
 * A grade written three ways: Gradescope's results.json, feedback for the student, a table for the
 * terminal. Every text that comes from a submission (messages, what the answers printed, names) is
 * capped, and written so it cannot pose as the report's own text: as plain text in results.json, and in
 * feedback.md inside code blocks whose fence it cannot close, or escaped.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * Gradescope's results.json: total score, time, and one entry per graded test; hidden tests become
     * visible "after_published", and their messages are not shown to the student.
     */
    public static String resultsJson(Grade grade) {
        return resultsJson(grade, null);
    }

    /** Gradescope's results.json with a note for the whole submission (e.g. which notebook was graded), or null. */
    public static String resultsJson(Grade grade, String note) {
        JsonObject results = new JsonObject();
        results.addProperty("score", grade.score());
        results.addProperty("execution_time", Math.round(grade.seconds() * 10) / 10.0);
        StringBuilder output = new StringBuilder("Graded by Pooling Lab: " + grade.score() + " of " + grade.maxScore() + " points.");
        output.append("\nYour code ran ").append(grade.contained()).append('.');
        if (note != null) {
            output.append("\n").append(note);
        }
        for (Exercise exercise : Exercises.ALL) {
            notes(grade, exercise).forEach(line -> output.append("\n").append(exercise.id()).append(": ").append(line));
        }
        results.addProperty("output", output.toString());
        // plain text, never HTML or Markdown: nothing a submission wrote can format the page
        results.addProperty("output_format", "text");
        results.addProperty("test_output_format", "text");
        results.addProperty("test_name_format", "text");
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
                String printed = outcome.printed() == 0 ? ""
                        : "Your code printed (" + CappedOutput.size(outcome.printed()) + "):\n" + capped(outcome.output());
                test.addProperty("output", outcome.passed() ? printed
                        : capped(outcome.message()) + (printed.isEmpty() ? "" : "\n\n" + printed));
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
        StringBuilder text = new StringBuilder("# Feedback for ").append(escaped(grade.student())).append("\n\n")
                .append("**").append(grade.score()).append(" of ").append(grade.maxScore()).append(" points** (")
                .append(percent(grade)).append(").\n\n")
                .append("Your code ran ").append(grade.contained()).append(".\n");
        for (Exercise exercise : Exercises.ALL) {
            text.append("\n## ").append(exercise.id()).append(": ").append(exercise.title()).append(" (")
                    .append(grade.score(exercise)).append(" of ").append(grade.maxScore(exercise)).append(")\n\n");
            notes(grade, exercise).forEach(note -> text.append("> ").append(escaped(note)).append("\n\n"));
            for (TestOutcome outcome : grade.outcomes(exercise)) {
                text.append("- ").append(outcome.passed() ? "passed" : "**failed**").append(" (")
                        .append(outcome.score()).append("/").append(outcome.points()).append("): ")
                        .append(outcome.hidden() ? "hidden test" : outcome.name()).append('\n');
                if (!outcome.hidden() && !outcome.passed()) {
                    codeBlock(text, capped(outcome.message()));
                }
                if (!outcome.hidden() && outcome.printed() > 0) {
                    text.append("\n  Your code printed:\n");
                    codeBlock(text, capped(outcome.output()));
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
        text.append("The answers ran ").append(grade.contained()).append(".\n");
        for (Exercise exercise : Exercises.ALL) {
            notes(grade, exercise).forEach(note -> text.append(exercise.id()).append(": ").append(note).append('\n'));
        }
        return text.toString();
    }

    /**
     * What a student should know about an exercise beyond its tests: what of its answer cells was left
     * out, and a flood of output (hidden tests included, without their detail).
     */
    static List<String> notes(Grade grade, Exercise exercise) {
        List<String> notes = new ArrayList<>();
        if (grade.leftOut().containsKey(exercise.id())) {
            notes.add(grade.leftOut().get(exercise.id()));
        }
        List<TestOutcome> cut = grade.outcomes(exercise).stream().filter(TestOutcome::outputCut).toList();
        if (!cut.isEmpty()) {
            long printed = grade.outcomes(exercise).stream().mapToLong(TestOutcome::printed).sum();
            notes.add("Your code printed " + CappedOutput.size(printed) + " while these tests ran; "
                    + (cut.size() == 1 ? "1 test" : cut.size() + " tests") + " printed more than the "
                    + CappedOutput.size(GradedRun.OUTPUT_LIMIT) + " a test keeps, and the rest was cut. "
                    + "Printing slows your code down: remove the prints you no longer need.");
        }
        return notes;
    }

    /** The most of a message or of printed output a report shows: 120 lines of at most 300 characters. */
    static final int MAX_LINES = 120;
    static final int MAX_LINE = 300;

    /** {@code text} cut to {@link #MAX_LINES} lines of {@link #MAX_LINE} characters, its last line kept, saying so when it was cut. */
    static String capped(String text) {
        List<String> lines = text.lines().map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " [cut]" : line)
                .toList();
        if (lines.size() <= MAX_LINES) {
            return String.join("\n", lines);
        }
        List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES - 2));
        kept.add("[" + (lines.size() - MAX_LINES + 1) + " more lines cut]");
        kept.add(lines.get(lines.size() - 1));
        return String.join("\n", kept);
    }

    /**
     * Text in a Markdown code block whose fence is longer than any run of backticks in it, so the text
     * cannot end the block, whatever it holds.
     */
    private static void codeBlock(StringBuilder text, String content) {
        int longestRun = 0;
        java.util.regex.Matcher runs = java.util.regex.Pattern.compile("`+").matcher(content);
        while (runs.find()) {
            longestRun = Math.max(longestRun, runs.group().length());
        }
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        text.append("\n  ").append(fence).append("text\n");
        content.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("  ").append(fence).append("\n\n");
    }

    /** Text for a Markdown line: one line, every character that Markdown or HTML would act on escaped, capped. */
    static String escaped(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ");
        if (line.length() > 4 * MAX_LINE) {
            line = line.substring(0, 4 * MAX_LINE) + " [cut]";
        }
        StringBuilder result = new StringBuilder();
        for (char c : line.toCharArray()) {
            if ("\\`*_{}[]()<>#+-.!|~&:".indexOf(c) >= 0) {
                result.append('\\');
            }
            result.append(c);
        }
        return result.toString();
    }

    static String percent(Grade grade) {
        return String.format(Locale.ROOT, "%.0f%%", grade.maxScore() == 0 ? 0.0 : 100.0 * grade.score() / grade.maxScore());
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 90 ? line.substring(0, 87) + "..." : line;
    }
}
