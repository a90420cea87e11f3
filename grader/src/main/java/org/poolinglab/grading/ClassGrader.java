package org.poolinglab.grading;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.plot.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Grades every notebook in a folder (student = file name), in parallel, into a gradebook, per-student
 * reports, a score histogram and an item analysis ({@link ItemAnalysis}: what the class got wrong). Each
 * submission is graded on its own, in a sandbox of its own, and nothing is shared between them: whatever
 * one notebook does or is called, every other student gets their score, and the reports are written. A
 * notebook that cannot be graded gets its row with the reason. A rerun reuses the grades of notebooks
 * that did not change.
 */
public final class ClassGrader {

    /** One row of the gradebook: a grade, or why the file could not be graded. */
    public record Row(String student, Grade grade, String status, boolean reused) {
    }

    private final SubmissionGrader grader;
    private final int jobs;
    private final PrintStream progress;

    public ClassGrader(SubmissionGrader grader, int jobs, PrintStream progress) {
        this.grader = grader;
        this.jobs = jobs;
        this.progress = progress;
    }

    /** Grades every notebook in {@code folder} (student = file name) into {@code out}; returns the rows in student order. */
    public List<Row> grade(Path folder, Path out) throws IOException {
        Map<String, Path> notebooks = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(path -> path.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(path)).sorted()
                    .forEach(path -> notebooks.put(path.getFileName().toString().replaceAll("\\.ipynb$", ""), path));
        }
        return grade(notebooks, new OutputFiles(out), Map.of());
    }

    /**
     * Grades {@code notebooks} into the files of {@code files}; returns the rows in the order given.
     *
     * @param notebooks student name to notebook
     * @param notes     per student, a note for the gradebook's status (e.g. which of several notebooks was graded)
     */
    List<Row> grade(Map<String, Path> notebooks, OutputFiles files, Map<String, String> notes) throws IOException {
        Path out = files.root();
        String fingerprint = SubmissionGrader.fingerprint();
        Map<String, Row> rows = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Path> toGrade = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : notebooks.entrySet()) {
            String student = entry.getKey();
            String key = OutputFiles.sha256(entry.getValue()) + ":" + fingerprint + ":"
                    + OutputFiles.sha256(grader.containment().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Grade cached = cachedGrade(out.resolve("students").resolve(folderName(student)).resolve("grading.json"), key);
            if (cached != null) {
                rows.put(student, new Row(student, cached, "graded", true));
            } else {
                toGrade.put(student, entry.getValue());
                keys.put(student, key);
            }
        }
        AtomicInteger finished = new AtomicInteger(rows.size());
        showProgress(finished.get(), notebooks.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        List<Future<?>> futures = new ArrayList<>();
        for (Map.Entry<String, Path> entry : toGrade.entrySet()) {
            String student = entry.getKey();
            futures.add(pool.submit(() -> {
                rows.put(student, gradeOne(student, entry.getValue(), keys.get(student), files));
                showProgress(finished.incrementAndGet(), notebooks.size());
            }));
        }
        pool.shutdown();
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (progress != null && !notebooks.isEmpty() && System.console() != null) {
            progress.println();
        }
        List<Row> ordered = new ArrayList<>();
        for (String student : notebooks.keySet()) {
            Row row = rows.get(student);
            String note = notes.get(student);
            ordered.add(note == null ? row : new Row(student, row.grade(), row.status() + "; " + note, row.reused()));
        }
        note(files.write("gradebook.csv", gradebookCsv(ordered)));
        note(files.write("histogram.png", histogram(ordered)));
        List<Grade> grades = ordered.stream().map(Row::grade).filter(java.util.Objects::nonNull).toList();
        ItemAnalysis analysis = ItemAnalysis.of(grades);
        note(files.write("item-analysis.csv", analysis.csv()));
        note(files.write("item-analysis.png", analysis.chart()));
        note(files.write("summary.md", analysis.summary(ordered.size() - grades.size())));
        return ordered;
    }

    /**
     * Grades one notebook and writes its reports; returns its gradebook row. Whatever happens while it is
     * graded costs only this row: a notebook that is not one, or that the grader fails on, gets a row saying why.
     */
    private Row gradeOne(String student, Path notebook, String key, OutputFiles files) {
        Grade grade;
        try {
            grade = grader.grade(notebook, student);
        } catch (UnreadableSubmissionException e) {
            String reason = e.getMessage();
            return new Row(student, null, "unreadable: " + reason.substring(reason.indexOf(": ") + 2), false);
        } catch (RuntimeException | Error e) {
            return new Row(student, null, "not graded: the grader failed on it (" + e + "); grade it alone to see more", false);
        }
        String folder = "students/" + folderName(student) + "/";
        note(files.write(folder + "results.json", Reports.resultsJson(grade)));
        note(files.write(folder + "feedback.md", Reports.feedback(grade)));
        JsonObject saved = new JsonObject();
        saved.addProperty("key", key);
        saved.add("grade", new Gson().toJsonTree(grade));
        note(files.write(folder + "grading.json", new Gson().toJson(saved)));
        return new Row(student, grade, "graded", false);
    }

    /** The folder of a student's reports: the name, made safe for a folder name ("..", say, cannot leave students/). */
    static String folderName(String student) {
        String safe = student.replaceAll("[^A-Za-z0-9._ -]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    private static Grade cachedGrade(Path record, String key) {
        try {
            if (!Files.exists(record)) {
                return null;
            }
            JsonObject saved = JsonParser.parseString(Files.readString(record)).getAsJsonObject();
            if (!key.equals(saved.get("key").getAsString())) {
                return null;
            }
            return new Gson().fromJson(saved.get("grade"), new TypeToken<Grade>() { }.getType());
        } catch (IOException | RuntimeException e) {
            return null; // grade it again
        }
    }

    /** The gradebook: student, points per exercise, total, max, percent, status. */
    public static String gradebookCsv(List<Row> rows) {
        StringColumn student = StringColumn.create("student");
        Map<Exercise, IntColumn> perExercise = new LinkedHashMap<>();
        Exercises.ALL.forEach(exercise -> perExercise.put(exercise, IntColumn.create(exercise.id())));
        IntColumn total = IntColumn.create("total");
        IntColumn max = IntColumn.create("max");
        DoubleColumn percent = DoubleColumn.create("percent");
        StringColumn status = StringColumn.create("status");
        int maxPoints = maxPoints();
        for (Row row : rows) {
            student.append(row.student());
            perExercise.forEach((exercise, column) -> column.append(row.grade() == null ? 0 : row.grade().score(exercise)));
            int score = row.grade() == null ? 0 : row.grade().score();
            total.append(score);
            max.append(maxPoints);
            percent.append(Math.round(1000.0 * score / maxPoints) / 10.0);
            status.append(row.status());
        }
        Table table = Table.create("gradebook", student);
        perExercise.values().forEach(table::addColumns);
        table.addColumns(total, max, percent, status);
        StringWriter csv = new StringWriter();
        table.write().csv(csv);
        return csv.toString();
    }

    /** How many students scored 0-9 %, 10-19 %, ..., 90-100 %, as a PNG bar chart. */
    static byte[] histogram(List<Row> rows) throws IOException {
        double[] counts = new double[10];
        int maxPoints = maxPoints();
        for (Row row : rows) {
            int score = row.grade() == null ? 0 : row.grade().score();
            counts[Math.min(9, (int) (10.0 * score / maxPoints))]++;
        }
        List<String> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bins.add(i == 9 ? "90-100" : (i * 10) + "-" + (i * 10 + 9));
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("students", counts);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(Plots.bars("Scores of " + rows.size() + " submissions, in percent", "students", bins, series), "png", png);
        return png.toByteArray();
    }

    /** What a perfect submission scores: every graded test's points. */
    private static int maxPoints() {
        return Exercises.ALL.stream().flatMap(exercise -> GradedTest.of(exercise).stream())
                .mapToInt(GradedTest::points).sum();
    }

    private synchronized void showProgress(int done, int total) {
        if (progress == null) {
            return;
        }
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        String bar = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " graded";
        if (System.console() != null) {
            progress.print("\r" + bar); // redrawn in place on a terminal
        } else if (done == total || done % Math.max(1, total / 10) == 0) {
            progress.println(bar); // a line every tenth in a log
        }
        progress.flush();
    }

    private void note(String message) {
        if (message != null && progress != null) {
            progress.println("\n" + message);
        }
    }
}
