package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.plot.Plots;

/** The README's Java snippets run as written, and the results their comments promise are the real ones. */
@DisplayName("The README's Java examples")
class ReadmeTest {

    /** The project's README, and the one a student's kit (./lab release) has instead, where it exists. */
    private static final List<Path> READMES = List.of(Path.of("..", "README.md"), Path.of("..", "grader", "release", "README.md"));
    /** A trailing comment that starts with a nested array, e.g. {@code // [[6, 5], [8, 9]]: ...}. */
    private static final Pattern PROMISED = Pattern.compile("^(.*?);\\s*// (\\[\\[[^:]*]]).*$");

    @Test
    void runAsWrittenAndGiveTheResultsTheirCommentsPromise() throws IOException {
        for (Path readme : READMES) {
            if (Files.exists(readme)) {
                runAsWritten(readme);
            }
        }
    }

    private static void runAsWritten(Path readme) throws IOException {
        List<String> blocks = javaBlocks(Files.readString(readme));
        assertFalse(blocks.isEmpty(), readme + " has no ```java block");
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(Path.of("target", "classes").toAbsolutePath().toString());
            for (String block : blocks) {
                for (String snippet : snippets(shell, block)) {
                    evaluate(shell, snippet);
                    Matcher promise = PROMISED.matcher(snippet.strip());
                    if (promise.matches()) {
                        String actual = evaluate(shell, "java.util.Arrays.deepToString((" + promise.group(1) + ").toArray())");
                        assertEquals(numbers(promise.group(2)), numbers(actual), snippet);
                    }
                }
            }
        } finally {
            Plots.scale(1); // the snippets share this JVM's classes: a scale they set would stay for other tests
        }
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** Splits a block into complete snippets (statements, imports), each with its trailing comment. */
    private static List<String> snippets(JShell shell, String block) {
        List<String> result = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : block.split("\n")) {
            pending.append(line).append('\n');
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(pending.toString());
            if (info.completeness().isComplete() && info.remaining().isBlank()) {
                result.add(pending.toString());
                pending.setLength(0);
            }
        }
        assertEquals("", pending.toString().strip(), "an incomplete snippet at the end of a block");
        return result;
    }

    private static String evaluate(JShell shell, String source) {
        String value = null;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.exception() != null) {
                fail("'" + source.strip() + "' threw " + event.exception());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                fail("'" + source.strip() + "' does not compile: "
                        + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
            }
            value = event.value();
        }
        return value;
    }

    private static List<Double> numbers(String text) {
        return Arrays.stream(text.replaceAll("[\\[\\]\"]", "").split(","))
                .map(String::strip)
                .map(Double::parseDouble)
                .toList();
    }
}
