package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.grading.tests.Mistake;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

@DisplayName("Grading a class")
class ClassGraderTest {

    @Test
    void writesAGradebookReportsAHistogramAndAnItemAnalysisAndReusesUnchangedGrades(@TempDir Path folder, @TempDir Path out)
            throws IOException {
        Path submissions = Files.createDirectory(folder.resolve("class"));
        Files.copy(Submissions.MASTER, submissions.resolve("ada.ipynb"));
        Files.copy(Submissions.STUDENT, submissions.resolve("bob.ipynb"));
        String strideOne = Files.readString(AnswerBankTest.BANK.resolve("wrong/max-pool/stride-one.java"));
        Submissions.withAnswer(submissions, "carl", "max-pool", strideOne);
        Submissions.withAnswer(submissions, "dan", "max-pool", strideOne);
        Files.writeString(submissions.resolve("eve.ipynb"), "not a notebook");
        Submissions.withAnswer(submissions, "fay", "max-pool-backward",
                Files.readString(AnswerBankTest.BANK.resolve("wrong/max-pool-backward/ties-to-every-maximum.java")));
        Files.writeString(submissions.resolve("notes.txt"), "not graded");

        ClassGrader grader = new ClassGrader(Submissions.GRADER, 2, new PrintStream(new ByteArrayOutputStream()));
        List<ClassGrader.Row> rows = grader.grade(submissions, out);

        assertEquals(List.of("ada", "bob", "carl", "dan", "eve", "fay"), rows.stream().map(ClassGrader.Row::student).toList());
        Table gradebook = Table.read().usingOptions(CsvReadOptions.builder(out.resolve("gradebook.csv").toFile()));
        List<String> columns = new java.util.ArrayList<>(List.of("student"));
        Exercises.ALL.forEach(exercise -> columns.add(exercise.id()));
        columns.addAll(List.of("total", "max", "percent", "status"));
        assertEquals(columns, gradebook.columnNames());
        assertEquals(100, gradebook.intColumn("total").get(0));
        assertEquals(0, gradebook.intColumn("total").get(1));
        assertTrue(gradebook.stringColumn("status").get(4).startsWith("unreadable: is not a Jupyter notebook"));
        assertTrue(Files.size(out.resolve("histogram.png")) > 1000);
        assertTrue(Files.readString(out.resolve("students/ada/results.json")).contains("\"score\": 100"));
        assertTrue(Files.exists(out.resolve("students/bob/feedback.md")));

        // The item analysis of the five notebooks that could be read.
        Table items = Table.read().usingOptions(CsvReadOptions.builder(out.resolve("item-analysis.csv").toFile()));
        Table exercises = items.where(items.stringColumn("kind").isEqualTo("exercise"));
        assertEquals("max-pool", exercises.stringColumn("exercise").get(0), "the hardest exercise comes first");
        assertEquals(Exercises.ALL.size(), exercises.rowCount());
        Table lessonTest = items.where(items.stringColumn("kind").isEqualTo("test")
                .and(items.stringColumn("item").isEqualTo("the lesson's 4x4 map gives [[6, 5], [8, 9]] and is left unchanged; with stride 1, a 3x3 map")));
        assertEquals(3, lessonTest.intColumn("students").get(0), "bob left it unanswered, carl and dan moved by 1");
        assertEquals(60.0, lessonTest.numberColumn("percent").getDouble(0));
        Table mistakes = items.where(items.stringColumn("kind").isEqualTo("mistake"));
        assertEquals(Mistake.values().length, mistakes.rowCount(), "every typical mistake has a row, made or not");
        assertEquals(List.of(Mistake.STRIDE_ONE.label(), Mistake.TIES_TO_EVERY_MAXIMUM.label()),
                mistakes.where(mistakes.intColumn("students").isGreaterThan(0)).stringColumn("item").asList());
        assertEquals(2, mistakes.intColumn("students").get(0));
        assertEquals(40.0, mistakes.numberColumn("percent").getDouble(0));

        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.startsWith("# What the class got wrong\n\n5 notebooks graded, mean score "), summary);
        assertTrue(summary.contains("; 1 could not be read and are left out here."), summary);
        assertTrue(summary.contains("| 1 | `max-pool`: Max pooling, any window and stride (notebook 01) |"), summary);
        assertTrue(summary.contains("| " + Mistake.STRIDE_ONE.label() + " | `max-pool` | 2 (40%) |"), summary);
        assertTrue(summary.contains("| " + Mistake.TIES_TO_EVERY_MAXIMUM.label() + " | `max-pool-backward` | 1 (20%) |"), summary);
        BufferedImage chart = ImageIO.read(out.resolve("item-analysis.png").toFile());
        assertEquals(960, chart.getWidth());

        List<ClassGrader.Row> again = grader.grade(submissions, out);
        assertTrue(again.get(0).reused() && again.get(1).reused(), "unchanged notebooks are not graded again");
        assertEquals(100, again.get(0).grade().score());
        assertEquals(summary, Files.readString(out.resolve("summary.md")), "reused grades give the same analysis");
    }

    @Test
    void aSubmissionThatBreaksTheSharedTestJvmCostsTheOthersNothing(@TempDir Path folder, @TempDir Path out)
            throws IOException {
        Path submissions = Files.createDirectory(folder.resolve("class"));
        Files.copy(Submissions.MASTER, submissions.resolve("a-first.ipynb"));
        Submissions.withAnswer(submissions, "b-exits", "max-pool",
                "double[][] maxPool(double[][] x, int window, int stride) { System.exit(0); return null; }");
        Submissions.withAnswer(submissions, "c-thread", "receptive-field", """
                int receptiveField(int[] windows, int[] strides) {
                    new Thread(() -> { while (true) { } }).start();
                    int field = 1;
                    int step = 1;
                    for (int i = 0; i < windows.length; i++) {
                        field += (windows[i] - 1) * step;
                        step *= strides[i];
                    }
                    return field;
                }""");
        Files.copy(Submissions.MASTER, submissions.resolve("d-last.ipynb"));

        List<ClassGrader.Row> rows = new ClassGrader(Submissions.GRADER, 1, new PrintStream(new ByteArrayOutputStream()))
                .grade(submissions, out);

        assertEquals(100, rows.get(0).grade().score());
        assertEquals(88, rows.get(1).grade().score(), "only max-pool's 12 points are lost");
        assertTrue(rows.get(1).grade().outcomes().stream().anyMatch(o -> o.message().contains("called System.exit(0)")));
        assertTrue(rows.get(2).grade().score() < 100);
        assertTrue(rows.get(2).grade().outcomes().stream().anyMatch(o -> o.message().contains("thread(s) running")));
        assertEquals(100, rows.get(3).grade().score(), "the submission after them is graded as if alone");
    }

    @Test
    void keepsAGradebookSomeoneEditedInsteadOfOverwritingIt(@TempDir Path folder, @TempDir Path out) throws IOException {
        Path submissions = Files.createDirectory(folder.resolve("class"));
        Files.copy(Submissions.STUDENT, submissions.resolve("bob.ipynb"));
        ClassGrader grader = new ClassGrader(Submissions.GRADER, 1, new PrintStream(new ByteArrayOutputStream()));
        grader.grade(submissions, out);
        Files.writeString(out.resolve("gradebook.csv"), "student,total\nbob,100 (late bonus)\n");

        grader.grade(submissions, out);

        try (var files = Files.list(out)) {
            List<Path> kept = files.filter(path -> path.getFileName().toString().matches("gradebook\\.\\d{8}-\\d{6}\\.csv")).toList();
            assertEquals(1, kept.size(), "the edited gradebook is kept under a new name");
            assertEquals("student,total\nbob,100 (late bonus)\n", Files.readString(kept.get(0)));
        }
        assertTrue(Files.readString(out.resolve("gradebook.csv")).startsWith("student,output-size"));
    }
}
