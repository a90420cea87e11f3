package org.poolinglab.exercises;

import java.util.List;
import org.poolinglab.grading.TestOutcome;

/**
 * What a notebook check found: one line per public test (pass or fail, points, and why it failed),
 * and what the hidden tests left for grading are worth. Prints as a table.
 *
 * @param exercise     the exercise checked
 * @param outcomes     the public tests' outcomes
 * @param hiddenPoints what the hidden tests, which did not run, are worth
 */
public record CheckReport(Exercise exercise, List<TestOutcome> outcomes, int hiddenPoints) {

    /** How many lines of what a test printed the report shows. */
    private static final int PRINTED_LINES = 6;

    public CheckReport {
        outcomes = List.copyOf(outcomes);
    }

    public int score() {
        return outcomes.stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore() {
        return outcomes.stream().mapToInt(TestOutcome::points).sum();
    }

    public boolean allPassed() {
        return outcomes.stream().allMatch(TestOutcome::passed);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(exercise.id()).append(": ").append(exercise.title()).append(": ")
                .append(score()).append(" of ").append(maxScore()).append(" points from the public tests")
                .append(allPassed() ? ", all passed" : "").append('\n');
        for (TestOutcome outcome : outcomes) {
            text.append(String.format("  %s  %2d/%-2d  %s%n", outcome.passed() ? "PASS" : "FAIL", outcome.score(),
                    outcome.points(), outcome.name()));
            if (!outcome.passed()) {
                outcome.message().lines().limit(16).forEach(line -> text.append("              ").append(line).append('\n'));
            }
            if (outcome.printed() > 0) {
                text.append("              your code printed:\n");
                List<String> lines = outcome.output().lines().toList();
                lines.stream().limit(PRINTED_LINES).forEach(line -> text.append("                ").append(line).append('\n'));
                if (lines.size() > PRINTED_LINES) {
                    text.append("                [").append(lines.size() - PRINTED_LINES).append(" more lines not shown here]\n");
                }
            }
        }
        if (hiddenPoints > 0) {
            text.append("  Hidden tests worth ").append(hiddenPoints).append(hiddenPoints == 1 ? " point" : " points")
                    .append(" did not run here; they run when your notebook is graded.");
        }
        return text.toString().stripTrailing();
    }
}
