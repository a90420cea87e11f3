package org.poolinglab.grading;

import java.util.List;
import java.util.Map;
import org.poolinglab.exercises.Exercise;

/**
 * The grade of one submission.
 *
 * @param student  who handed it in (the file name without {@code .ipynb})
 * @param outcomes every graded test's outcome, in exercise order
 * @param leftOut  per exercise id, one line on what of its answer cells was left out of grading
 *                 (top-level statements, unused variables); absent when nothing was
 * @param seconds  how long grading took
 * @param contained what held the student's code while it ran: the protections in force, or that there were none
 */
public record Grade(String student, List<TestOutcome> outcomes, Map<String, String> leftOut, double seconds,
                   String contained) {

    public Grade {
        outcomes = List.copyOf(outcomes);
        leftOut = leftOut == null ? Map.of() : Map.copyOf(leftOut);
    }

    public int score() {
        return outcomes.stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore() {
        return outcomes.stream().mapToInt(TestOutcome::points).sum();
    }

    public int score(Exercise exercise) {
        return outcomes(exercise).stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore(Exercise exercise) {
        return outcomes(exercise).stream().mapToInt(TestOutcome::points).sum();
    }

    public List<TestOutcome> outcomes(Exercise exercise) {
        return outcomes.stream().filter(outcome -> outcome.exercise().equals(exercise.id())).toList();
    }
}
