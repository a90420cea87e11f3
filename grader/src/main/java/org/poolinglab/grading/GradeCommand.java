package org.poolinglab.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lab grade SUBMISSION.ipynb --out DIR}, {@code ./lab grade FOLDER --out DIR} and
 * {@code ./lab grade SUBMISSIONS.zip --out DIR}.
 * Exits 0 whenever it could grade (whatever the score), 2 for a file it cannot read or wrong arguments.
 */
public final class GradeCommand {

    static final String USAGE = """
            usage: ./lab grade SUBMISSION.ipynb --out DIR   grade one notebook
                   ./lab grade FOLDER --out DIR             grade every notebook in a folder (student = file name)
                   ./lab grade SUBMISSIONS.zip --out DIR    grade a zip of submissions as an LMS or Gradescope exports it
            options: --time-limit SECONDS (per submission, default 60)  --jobs N (default: the number of cores)
                     --uncontained   run the answers without containment (needs no root): only for your own notebooks""";

    private GradeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path input = null;
        Path outDir = null;
        long seconds = Sandbox.Limits.DEFAULT.timeLimit().toSeconds();
        int jobs = Runtime.getRuntime().availableProcessors();
        boolean contained = true;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> outDir = Path.of(value(args, ++i, "--out"));
                    case "--time-limit" -> seconds = positive(value(args, ++i, "--time-limit"), "--time-limit");
                    case "--jobs" -> jobs = (int) positive(value(args, ++i, "--jobs"), "--jobs");
                    case "--uncontained" -> contained = false;
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--") || input != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        input = Path.of(args[i]);
                    }
                }
            }
            if (input == null || outDir == null) {
                throw new IllegalArgumentException(input == null ? "which notebook or folder?" : "--out DIR is missing");
            }
        } catch (IllegalArgumentException e) {
            err.println("grade: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (!Files.exists(input)) {
            err.println("grade: " + input + ": no such file or folder");
            return 2;
        }
        Sandbox.Limits limits = new Sandbox.Limits(Duration.ofSeconds(seconds), Sandbox.Limits.DEFAULT.heapMegabytes());
        SubmissionGrader grader;
        try {
            grader = contained ? SubmissionGrader.contained(limits) : SubmissionGrader.uncontained(limits);
        } catch (Containment.UnavailableException e) {
            err.println("grade: " + e.getMessage());
            return 2;
        }
        if (!contained) {
            err.println("grade: WARNING: " + grader.containment());
        }
        try {
            if (Files.isDirectory(input)) {
                return gradeClass(grader, input, outDir, jobs, out, err);
            }
            return input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                    ? gradeZip(grader, input, outDir, jobs, out, err) : gradeOne(grader, input, outDir, out, err);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("grade: " + e.getMessage());
            return 2;
        }
    }

    private static int gradeOne(SubmissionGrader grader, Path notebook, Path outDir, PrintStream out, PrintStream err) {
        String file = notebook.getFileName().toString();
        String student = file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file;
        Grade grade;
        try {
            grade = grader.grade(notebook, student);
        } catch (UnreadableSubmissionException e) {
            err.println("grade: " + e.getMessage());
            return 2;
        }
        OutputFiles files = new OutputFiles(outDir);
        for (String note : new String[] {files.write("results.json", Reports.resultsJson(grade)),
                files.write("feedback.md", Reports.feedback(grade))}) {
            if (note != null) {
                err.println("grade: " + note);
            }
        }
        out.print(Reports.table(grade));
        out.printf(Locale.ROOT, "graded %s in %.1f s; wrote %s and %s%n", notebook, grade.seconds(),
                outDir.resolve("results.json"), outDir.resolve("feedback.md"));
        return 0;
    }

    private static int gradeClass(SubmissionGrader grader, Path folder, Path outDir, int jobs, PrintStream out,
                                  PrintStream err) throws IOException {
        long started = System.nanoTime();
        List<ClassGrader.Row> rows = new ClassGrader(grader, jobs, err).grade(folder, outDir);
        summarise(rows, started, jobs, outDir, out, grader);
        return 0;
    }

    private static int gradeZip(SubmissionGrader grader, Path zip, Path outDir, int jobs, PrintStream out,
                                PrintStream err) throws IOException {
        long started = System.nanoTime();
        OutputFiles files = new OutputFiles(outDir);
        SubmissionZip.Extracted extracted;
        try {
            extracted = SubmissionZip.extract(zip, files, "submissions", SubmissionZip.Limits.DEFAULT);
        } catch (SubmissionZip.RefusedException e) {
            err.println("grade: " + zip + ": refused: " + e.getMessage());
            return 2;
        }
        if (extracted.notebooks().isEmpty()) {
            err.println("grade: " + zip + ": has no notebook (.ipynb) in it");
            return 2;
        }
        out.println("took the notebooks of " + extracted.notebooks().size() + " students from " + zip + " into "
                + outDir.resolve("submissions"));
        extracted.notes().forEach((student, note) -> out.println("  " + (student.isEmpty() ? "" : student + ": ") + note));
        List<ClassGrader.Row> rows = new ClassGrader(grader, jobs, err).grade(extracted.notebooks(), files, extracted.notes());
        summarise(rows, started, jobs, outDir, out, grader);
        return 0;
    }

    private static void summarise(List<ClassGrader.Row> rows, long started, int jobs, Path outDir, PrintStream out,
                                  SubmissionGrader grader) {
        double seconds = (System.nanoTime() - started) / 1e9;
        long reused = rows.stream().filter(ClassGrader.Row::reused).count();
        long unreadable = rows.stream().filter(row -> row.grade() == null).count();
        double mean = rows.stream().filter(row -> row.grade() != null).mapToInt(row -> row.grade().score()).average().orElse(0);
        out.printf(Locale.ROOT, "graded %d notebooks in %.1f s with %d jobs (%d unchanged since the last run, %d unreadable); "
                        + "mean score %.1f%n", rows.size(), seconds, jobs, reused, unreadable, mean);
        rows.stream().filter(row -> row.grade() == null)
                .forEach(row -> out.println("  " + row.student() + ": " + row.status()));
        out.println("each submission's answers ran " + grader.containment());
        out.println("wrote " + outDir.resolve("summary.md") + " (what the class got wrong: read it first), item-analysis.csv, "
                + "item-analysis.png, gradebook.csv, histogram.png and students/<student>/{results.json,feedback.md}");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long positive(String text, String option) {
        try {
            long value = Long.parseLong(text);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number >= 1 but was '" + text + "'");
        }
    }
}
