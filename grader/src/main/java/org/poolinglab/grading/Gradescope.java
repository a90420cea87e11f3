package org.poolinglab.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.sandbox.CappedOutput;

/**
 * Gradescope's autograder for this kit, in the layout Gradescope documents: {@code setup.sh} and
 * {@code run_autograder} at the zip's root, and the kit in {@code kit/}: a jar with the grader, lesson-lib
 * and every graded test (hidden ones too), and {@code exercise-set.json}, the exercise set the zip was
 * built from. {@code build --out DIR} writes {@code DIR/autograder.zip}; {@code run ROOT} is what
 * {@code run_autograder} starts for a submission: it grades the notebook in {@code ROOT/submission} into
 * {@code ROOT/results/results.json}, and always writes one, with a message a student can act on.
 */
public final class Gradescope {

    static final String ZIP = "autograder.zip";
    static final String KIT_JAR = "kit/pooling-lab-grader.jar";
    static final String EXERCISE_SET = "kit/exercise-set.json";
    /** What grading needs of the kit's jar; the rest (Tablesaw, XChart, ...) serves the notebooks and class reports. */
    private static final List<String> GRADING_CLASSES = List.of("org/poolinglab/", "org/junit/", "org/opentest4j/",
            "org/apiguardian/", "com/google/gson/", "META-INF/services/");

    private Gradescope() {
    }

    /** {@code build --out DIR} or {@code run ROOT}. */
    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("build") && args[1].equals("--out")) {
            System.exit(build(Path.of(args[2]), System.out, System.err));
        } else if (args.length == 2 && args[0].equals("run")) {
            System.exit(run(Path.of(args[1])));
        } else {
            System.err.println("usage: ./lab gradescope --out DIR   (or, in the autograder: Gradescope run ROOT)");
            System.exit(2);
        }
    }

    // ------------------------------------------------------------------ build

    static int build(Path outDir, PrintStream out, PrintStream err) {
        try {
            Path kitJar = Path.of(Gradescope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(kitJar)) {
                err.println("gradescope: build the zip from the kit's jar (./lab gradescope), not from " + kitJar);
                return 2;
            }
            Files.createDirectories(outDir);
            Path temporary = Files.createTempFile(outDir, ".autograder", ".zip");
            Files.delete(temporary); // the zip file system makes it anew
            try {
                writeZip(temporary, kitJar);
                String note = new OutputFiles(outDir).write(ZIP, Files.readAllBytes(temporary));
                if (note != null) {
                    err.println("gradescope: " + note);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            out.println("gradescope: wrote " + outDir.resolve(ZIP) + " (" + CappedOutput.size(Files.size(outDir.resolve(ZIP)))
                    + "): " + Exercises.ALL.size() + " exercises, " + Exercises.ALL.stream().mapToInt(Exercise::points).sum()
                    + " points; upload it as the autograder of a programming assignment");
            return 0;
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            err.println("gradescope: " + e.getMessage());
            return 2;
        }
    }

    private static void writeZip(Path zip, Path kitJar) throws IOException {
        try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            for (String script : List.of("setup.sh", "run_autograder")) {
                Path entry = archive.getPath(script);
                try (InputStream source = Gradescope.class.getResourceAsStream("gradescope/" + script)) {
                    Files.write(entry, source.readAllBytes());
                }
                Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.createDirectories(archive.getPath("kit"));
            Files.setPosixFilePermissions(archive.getPath("kit"), PosixFilePermissions.fromString("rwxr-xr-x"));
            try (OutputStream jar = Files.newOutputStream(archive.getPath(KIT_JAR))) {
                writeGradingJar(kitJar, jar);
            }
            Files.writeString(archive.getPath(EXERCISE_SET), exerciseSet());
            for (String file : List.of(KIT_JAR, EXERCISE_SET)) {
                Files.setPosixFilePermissions(archive.getPath(file), PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    /** The classes grading needs, out of the kit's jar. */
    private static void writeGradingJar(Path kitJar, OutputStream out) throws IOException {
        try (ZipFile from = new ZipFile(kitJar.toFile()); ZipOutputStream to = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(from.entries())) {
                if (!entry.isDirectory() && GRADING_CLASSES.stream().anyMatch(entry.getName()::startsWith)) {
                    to.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream bytes = from.getInputStream(entry)) {
                        bytes.transferTo(to);
                    }
                    to.closeEntry();
                }
            }
        }
    }

    /** The exercise set the zip is pinned to: its fingerprint, and every exercise with its tests. */
    static String exerciseSet() {
        JsonObject set = new JsonObject();
        set.addProperty("fingerprint", SubmissionGrader.fingerprint());
        set.addProperty("built", Instant.now().toString());
        set.addProperty("points", Exercises.ALL.stream().mapToInt(Exercise::points).sum());
        JsonArray exercises = new JsonArray();
        for (Exercise exercise : Exercises.ALL) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", exercise.id());
            entry.addProperty("title", exercise.title());
            entry.addProperty("points", exercise.points());
            JsonArray tests = new JsonArray();
            for (GradedTest test : GradedTest.of(exercise)) {
                JsonObject testEntry = new JsonObject();
                testEntry.addProperty("id", test.testId());
                testEntry.addProperty("name", test.name());
                testEntry.addProperty("points", test.points());
                testEntry.addProperty("hidden", test.hidden());
                tests.add(testEntry);
            }
            entry.add("tests", tests);
            exercises.add(entry);
        }
        set.add("exercises", exercises);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(set) + "\n";
    }

    // ------------------------------------------------------------------ run

    /** Grades the submission under {@code root} (Gradescope's /autograder) into results/results.json. */
    static int run(Path root) {
        String results;
        try {
            results = grade(root);
        } catch (RuntimeException e) {
            results = failure("The autograder could not grade this submission (" + e + "). Please tell your instructor.");
        }
        try {
            Files.createDirectories(root.resolve("results"));
            Files.writeString(root.resolve("results/results.json"), results, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            System.err.println("gradescope: cannot write results.json: " + e.getMessage());
            return 1;
        }
    }

    private static String grade(Path root) {
        String pinned = JsonParser.parseString(read(root.resolve("source").resolve(EXERCISE_SET))).getAsJsonObject()
                .get("fingerprint").getAsString();
        if (!pinned.equals(SubmissionGrader.fingerprint())) {
            return failure("The autograder's kit does not match the exercise set it was built for. Please tell your "
                    + "instructor: the zip needs building again (./lab gradescope).");
        }
        Path submission = root.resolve("submission");
        List<Path> files = files(submission);
        List<Path> notebooks = files.stream().filter(Gradescope::isNotebook).toList();
        if (notebooks.isEmpty()) {
            return failure("No notebook (.ipynb) was found in your submission"
                    + (files.isEmpty() ? "" : " (it has " + String.join(", ", files.stream()
                            .map(file -> submission.relativize(file).toString()).limit(10).toList()) + ")")
                    + ". Upload your exercise notebook, " + Exercises.NOTEBOOK + ", and submit again.");
        }
        NotebookChoice choice = NotebookChoice.of(notebooks);
        String name = submission.relativize(choice.notebook()).toString();
        String note = choice.note() != null ? choice.note() : "Graded " + name + ", the notebook you handed in.";
        SubmissionGrader grader;
        try {
            grader = SubmissionGrader.contained(Sandbox.Limits.DEFAULT);
        } catch (Containment.UnavailableException e) {
            return failure("The autograder could not contain your code, so it did not run it (" + e.getMessage()
                    + "). Please tell your instructor.");
        }
        try {
            Grade grade = grader.grade(choice.notebook(), name.replaceAll("\\.ipynb$", ""));
            return Reports.resultsJson(grade, note);
        } catch (UnreadableSubmissionException e) {
            return failure(note + " It could not be graded: " + e.getMessage().replace(submission + "/", "")
                    + ". Upload the notebook as Jupyter saves it (File > Save, then the .ipynb file) and submit again.");
        }
    }

    /** A results.json with no points and a message for the student. */
    static String failure(String message) {
        JsonObject results = new JsonObject();
        results.addProperty("score", 0);
        results.addProperty("output", message);
        results.addProperty("visibility", "visible");
        results.addProperty("stdout_visibility", "hidden");
        results.add("tests", new JsonArray());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results) + "\n";
    }

    private static boolean isNotebook(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ipynb");
    }

    /** Every file of the submission, less the copies editors and macOS keep aside. */
    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(file -> Stream.iterate(folder.relativize(file), p -> p != null, Path::getParent)
                            .map(part -> part.getFileName().toString())
                            .noneMatch(part -> part.startsWith(".") || part.equals("__MACOSX")))
                    .sorted().forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
