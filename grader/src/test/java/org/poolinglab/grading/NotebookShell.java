package org.poolinglab.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A notebook run the way the Java kernel runs it, to compare its check cells with the grader: a JShell
 * whose code runs in a JVM of its own; each cell split into snippets with JShell's source analysis and
 * evaluated one after another; the rest of a cell skipped once a snippet does not compile or throws, as
 * rapaio-jupyter-kernel does. The {@code %jars} cell is skipped: this JVM's class path stands in for it.
 */
final class NotebookShell implements AutoCloseable {

    private static final Pattern CHECK_TAG = Pattern.compile("\"check:([a-z0-9-]+)\"");
    private static final Pattern CHECK_LINE = Pattern.compile("^\\s+(PASS|FAIL)\\s+\\d+/\\d+\\s+(.+)$");

    private final JShell shell;

    NotebookShell() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        shell = JShell.builder().out(nowhere).err(nowhere).build();
        for (String entry : SubmissionGrader.currentClasspath().split(File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
    }

    /**
     * Runs the whole notebook once, top to bottom, on a fresh JShell state, as the kernel runs it; returns
     * what each check cell showed, by exercise id: each public test's name and whether it passed.
     */
    Map<String, Map<String, Boolean>> checkAll(Path notebook) throws IOException {
        List<Snippet> defined = new ArrayList<>(shell.snippets().toList());
        Collections.reverse(defined); // the latest first, so no drop makes others compile again
        defined.forEach(shell::drop);
        JsonObject json = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, Map<String, Boolean>> checks = new LinkedHashMap<>();
        for (JsonElement element : json.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            String source = Assign.source(cell);
            if (!cell.get("cell_type").getAsString().equals("code") || source.strip().startsWith("%")) {
                continue;
            }
            String value = run(source);
            Matcher check = CHECK_TAG.matcher(cell.getAsJsonObject("metadata").toString());
            if (check.find() && value != null) {
                checks.put(check.group(1), outcomes(value));
            }
        }
        return checks;
    }

    private static Map<String, Boolean> outcomes(String report) {
        Map<String, Boolean> outcomes = new LinkedHashMap<>();
        for (String line : report.lines().toList()) {
            Matcher matcher = CHECK_LINE.matcher(line);
            if (matcher.matches()) {
                outcomes.put(matcher.group(2).strip(), matcher.group(1).equals("PASS"));
            }
        }
        return outcomes;
    }

    /** Runs one cell snippet by snippet; returns the value of its last snippet, or null. */
    private String run(String cell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String value = null;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                return value; // the kernel reports an incomplete snippet and runs nothing more of the cell
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                if (event.exception() != null || !event.status().isDefined()) {
                    return value;
                }
                value = event.value();
            }
            rest = info.remaining();
        }
        return value;
    }

    @Override
    public void close() {
        shell.close();
    }
}
