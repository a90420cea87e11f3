package org.poolinglab.grading;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.poolinglab.exercises.Exercises;

/**
 * Which of several notebooks one student handed in is graded: the one with the most answer cells; of
 * those, the one named like the exercise notebook; of those, the first by name. The others are not graded,
 * and the note says so.
 *
 * @param notebook the notebook to grade
 * @param note     what was chosen and why, for the student and the instructor; null when there was one notebook
 */
record NotebookChoice(Path notebook, String note) {

    static NotebookChoice of(List<Path> notebooks) {
        if (notebooks.isEmpty()) {
            throw new IllegalArgumentException("notebooks must not be empty");
        }
        if (notebooks.size() == 1) {
            return new NotebookChoice(notebooks.get(0), null);
        }
        Comparator<Path> byAnswerCells = Comparator.comparingInt(NotebookChoice::answerCells).reversed();
        Comparator<Path> byName = Comparator.comparing(path -> !path.getFileName().toString().equals(Exercises.NOTEBOOK));
        List<Path> ranked = notebooks.stream().sorted(byAnswerCells.thenComparing(byName).thenComparing(Path::toString)).toList();
        Path chosen = ranked.get(0);
        Path next = ranked.get(1);
        String why = answerCells(chosen) > answerCells(next) ? "the one with the most answer cells"
                : chosen.getFileName().toString().equals(Exercises.NOTEBOOK) && !next.getFileName().toString().equals(Exercises.NOTEBOOK)
                ? "the one named like the exercise notebook" : "the first by name";
        return new NotebookChoice(chosen, notebooks.size() + " notebooks were handed in ("
                + String.join(", ", notebooks.stream().map(path -> path.getFileName().toString()).sorted().toList())
                + "); graded " + chosen.getFileName() + ", " + why + ", and no other. Hand in one notebook only.");
    }

    /** How many answer cells a notebook has; 0 when it cannot be read. */
    private static int answerCells(Path notebook) {
        try {
            return NotebookSubmission.read(notebook).answerCells().size();
        } catch (UnreadableSubmissionException e) {
            return 0;
        }
    }
}
