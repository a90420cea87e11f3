package org.poolinglab.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A handed-in notebook, read for grading: its answer cells (tagged {@code answer:<id>}). Nothing else
 * in it is ever compiled or run.
 */
public final class NotebookSubmission {

    /** One answer cell: where it is in the notebook and its source. */
    public record AnswerCell(int cellNumber, String exerciseId, String source) {
    }

    /** The largest notebook the grader reads: a notebook with every output of the exercises is about 100 KB. */
    static final long MAX_BYTES = 50L << 20;

    private final Path file;
    private final List<AnswerCell> answerCells;

    private NotebookSubmission(Path file, List<AnswerCell> answerCells) {
        this.file = file;
        this.answerCells = List.copyOf(answerCells);
    }

    /**
     * Reads a notebook.
     *
     * @throws UnreadableSubmissionException when the file is missing, not JSON, or not a Jupyter notebook
     */
    public static NotebookSubmission read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableSubmissionException(file + ": is larger than " + (MAX_BYTES >> 20)
                        + " MB, too large for a notebook of exercises");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableSubmissionException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        JsonObject notebook;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new UnreadableSubmissionException(file + ": is JSON but not a Jupyter notebook (no cells)");
            }
            notebook = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new UnreadableSubmissionException(file + ": is not a Jupyter notebook (not valid JSON)");
        }
        if (!notebook.has("cells") || !notebook.get("cells").isJsonArray()) {
            throw new UnreadableSubmissionException(file + ": is JSON but not a Jupyter notebook (no cells)");
        }
        List<AnswerCell> answers = new ArrayList<>();
        List<JsonElement> cells = notebook.getAsJsonArray("cells").asList();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isJsonObject()) {
                continue;
            }
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(string(cell.get("cell_type")))) {
                continue;
            }
            String source = source(cell.get("source"));
            for (String tag : tags(cell)) {
                if (tag.startsWith("answer:")) {
                    String id = tag.substring("answer:".length());
                    answers.add(new AnswerCell(i + 1, id, source));
                }
            }
        }
        return new NotebookSubmission(file, answers);
    }

    public Path file() {
        return file;
    }

    /** The cells tagged {@code answer:<exerciseId>}, in notebook order; empty when there are none. */
    public List<AnswerCell> answers(String exerciseId) {
        return answerCells.stream().filter(cell -> cell.exerciseId().equals(exerciseId)).toList();
    }

    /** Every answer cell, whatever its exercise, in notebook order. */
    public List<AnswerCell> answerCells() {
        return answerCells;
    }

    private static List<String> tags(JsonObject cell) {
        if (!(cell.get("metadata") instanceof JsonObject metadata) || !metadata.has("tags")
                || !metadata.get("tags").isJsonArray()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (JsonElement tag : metadata.getAsJsonArray("tags")) {
            if (tag.isJsonPrimitive()) {
                tags.add(tag.getAsString().strip());
            }
        }
        return tags;
    }

    private static String source(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.isJsonPrimitive() ? line.getAsString() : ""));
            return text.toString();
        }
        return source.isJsonPrimitive() ? source.getAsString() : "";
    }

    private static String string(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : "";
    }
}
