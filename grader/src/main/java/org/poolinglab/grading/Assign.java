package org.poolinglab.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.google.gson.stream.JsonWriter;

/**
 * {@code ./lab assign}: makes the student version in {@code exercises/} from the master in
 * {@code solutions/}. In every notebook, each region between {@code // BEGIN SOLUTION} and
 * {@code // END SOLUTION} becomes {@code // YOUR CODE HERE} and a {@code throw} naming the exercise, and
 * all outputs are cleared. {@code --check} only reports whether {@code exercises/} is up to date.
 */
public final class Assign {

    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";

    private Assign() {
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 2 && args[2].equals("--check");
        if (args.length < 2) {
            System.err.println("usage: Assign SOLUTIONS_DIR EXERCISES_DIR [--check]");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), check));
    }

    static int run(Path solutions, Path exercises, boolean check) throws IOException {
        List<Path> masters;
        try (Stream<Path> files = Files.list(solutions)) {
            masters = files.filter(path -> path.toString().endsWith(".ipynb")).sorted().toList();
        }
        if (masters.isEmpty()) {
            System.err.println("assign: no notebooks in " + solutions);
            return 2;
        }
        List<String> stale = new ArrayList<>();
        for (Path master : masters) {
            String student;
            try {
                student = studentVersion(Files.readString(master, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                System.err.println("assign: " + master + ": " + e.getMessage());
                return 2;
            }
            Path target = exercises.resolve(master.getFileName());
            boolean same = Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(student);
            if (same) {
                continue;
            }
            stale.add(target.toString());
            if (!check) {
                Files.createDirectories(exercises);
                Files.writeString(target, student, StandardCharsets.UTF_8);
                System.out.println("assign: wrote " + target + " from " + master);
            }
        }
        if (check && !stale.isEmpty()) {
            System.err.println("assign: out of date, run ./lab assign: " + String.join(", ", stale));
            return 1;
        }
        if (stale.isEmpty()) {
            System.out.println("assign: " + exercises + " is up to date with " + solutions);
        }
        return 0;
    }

    /** The student version of a master notebook, as notebook JSON. */
    static String studentVersion(String masterJson) {
        JsonObject notebook = JsonParser.parseString(masterJson).getAsJsonObject();
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", JsonNull.INSTANCE);
            String source = source(cell);
            if (source.contains(BEGIN) || source.contains(END)) {
                cell.add("source", lines(stub(source, exerciseId(cell))));
            }
        }
        return write(notebook);
    }

    /** Replaces every solution region of {@code source} by a stub that names the exercise. */
    static String stub(String source, String exerciseId) {
        StringBuilder result = new StringBuilder();
        boolean inside = false;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.equals(BEGIN)) {
                if (inside) {
                    throw new IllegalArgumentException(exerciseId + ": " + BEGIN + " inside another solution region");
                }
                inside = true;
                String indent = line.substring(0, line.indexOf('/'));
                result.append(indent).append("// YOUR CODE HERE\n")
                        .append(indent).append("throw new UnsupportedOperationException(\"").append(exerciseId)
                        .append(": write your answer here\");\n");
            } else if (trimmed.equals(END)) {
                if (!inside) {
                    throw new IllegalArgumentException(exerciseId + ": " + END + " without " + BEGIN);
                }
                inside = false;
            } else if (!inside) {
                result.append(line).append('\n');
            }
        }
        if (inside) {
            throw new IllegalArgumentException(exerciseId + ": " + BEGIN + " without " + END);
        }
        return result.substring(0, result.length() - 1);
    }

    private static String exerciseId(JsonObject cell) {
        if (cell.get("metadata") instanceof JsonObject metadata && metadata.get("tags") instanceof JsonArray tags) {
            for (JsonElement tag : tags) {
                if (tag.getAsString().startsWith("answer:")) {
                    return tag.getAsString().substring("answer:".length());
                }
            }
        }
        throw new IllegalArgumentException("a cell with " + BEGIN + " has no answer:<id> tag:\n" + source(cell));
    }

    /** A notebook cell's source, which Jupyter stores as one string or as a list of lines. */
    static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }

    /** Source as Jupyter stores it: one string per line, each but the last ending in a newline. */
    private static JsonArray lines(String source) {
        JsonArray lines = new JsonArray();
        String[] parts = source.split("(?<=\n)");
        for (String part : parts) {
            if (!part.isEmpty()) {
                lines.add(part);
            }
        }
        return lines;
    }

    /** Notebook JSON the way Jupyter writes it: keys sorted, one-space indent, no escaping of non-ASCII. */
    static String write(JsonObject notebook) {
        try {
            StringWriter text = new StringWriter();
            com.google.gson.Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
            JsonWriter writer = gson.newJsonWriter(text);
            writer.setIndent(" ");
            gson.toJson(sorted(notebook), writer);
            writer.flush();
            return text + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonElement sorted(JsonElement element) {
        if (element instanceof JsonObject object) {
            JsonObject result = new JsonObject();
            new TreeMap<>(object.asMap()).forEach((key, value) -> result.add(key, sorted(value)));
            return result;
        }
        if (element instanceof JsonArray array) {
            JsonArray result = new JsonArray();
            array.forEach(item -> result.add(sorted(item)));
            return result;
        }
        return element;
    }
}
