package org.poolinglab.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Notebooks to grade in tests: the master, the student version, and the master with one answer replaced. */
final class Submissions {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path MASTER = ROOT.resolve("solutions/pooling-exercises.ipynb");
    static final Path STUDENT = ROOT.resolve("exercises/pooling-exercises.ipynb");

    /** Short limits so hostile answers are dealt with quickly. */
    static final Sandbox.Limits LIMITS = new Sandbox.Limits(Duration.ofSeconds(45), 128);

    /**
     * Contained where this machine can contain student code (as root, as in CI); elsewhere not, which
     * gives the same grades to answers that attack nothing. The attack bank needs containment.
     */
    static final SubmissionGrader GRADER = canContain() ? SubmissionGrader.contained(LIMITS) : SubmissionGrader.uncontained(LIMITS);

    static boolean canContain() {
        try {
            Containment.contained();
            return true;
        } catch (Containment.UnavailableException e) {
            return false;
        }
    }

    private Submissions() {
    }

    /** The master notebook with the answer cell of {@code exerciseId} replaced by {@code source}, written to {@code folder}. */
    static Path withAnswer(Path folder, String name, String exerciseId, String source) throws IOException {
        return withAnswer(MASTER, folder, name, exerciseId, source);
    }

    /** {@code base} with the answer cell of {@code exerciseId} replaced by {@code source}, written to {@code folder}. */
    static Path withAnswer(Path base, Path folder, String name, String exerciseId, String source) throws IOException {
        JsonObject notebook = JsonParser.parseString(Files.readString(base, StandardCharsets.UTF_8)).getAsJsonObject();
        boolean replaced = false;
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            JsonObject metadata = cell.getAsJsonObject("metadata");
            if (metadata.has("tags") && metadata.getAsJsonArray("tags").toString().contains("\"answer:" + exerciseId + "\"")) {
                JsonArray lines = new JsonArray();
                source.lines().forEach(line -> lines.add(line + "\n"));
                cell.add("source", lines);
                replaced = true;
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException("no answer cell for " + exerciseId);
        }
        Path file = folder.resolve(name + ".ipynb");
        Files.writeString(file, notebook.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
