package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a committed notebook must look like so that it runs unchanged on the default kernel and on
 * IJava 1.3.0, opens in Jupyter without being marked modified, and reads well on GitHub; and, for a
 * lesson notebook, what makes it a lesson: slides, prompts and questions.
 */
final class NotebookRules {

    /** The only magic allowed, alone in the first code cell: one jar, relative to the notebook. */
    static final String JARS_LINE = "%jars ../notebook-jar/target/pooling-lab.jar";

    /**
     * What the kernel writes into {@code metadata.language_info} when a notebook opens. Jupyter marks a
     * notebook modified when the committed value differs, so notebooks are committed with it. The
     * {@code version} is the Java version the kernel runs on; that one is only required to be there.
     */
    static final Map<String, String> LANGUAGE_INFO = Map.of(
            "codemirror_mode", "java",
            "file_extension", ".jshell",
            "mimetype", "text/x-java-source",
            "name", "java",
            "nbconvert_exporter", "script",
            "pygments_lexer", "java");

    /** The classic notebook's default width: longer code lines run past the right edge. */
    static final int MAX_CODE_LINE = 95;

    private static final Set<String> SLIDE_TYPES = Set.of("slide", "subslide", "fragment", "-", "skip", "notes");
    private static final String PREDICT = "**Predict, then run:**";

    private NotebookRules() {
    }

    /** The rules for every committed notebook: lessons and exercises. */
    static void check(JsonObject notebook) {
        JsonObject metadata = notebook.getAsJsonObject("metadata");
        JsonObject kernelspec = metadata.getAsJsonObject("kernelspec");
        assertEquals("java", kernelspec.get("name").getAsString(), "kernelspec name (IJava's)");
        checkLanguageInfo(metadata.getAsJsonObject("language_info"));

        List<JsonObject> code = codeCells(notebook);
        assertFalse(code.isEmpty(), "no code cells");
        assertEquals(JARS_LINE, NotebooksTest.text(code.get(0).get("source")).strip(),
                "the first code cell loads the notebook jar, and does nothing else");
        assertTrue(Files.isRegularFile(NotebooksTest.ROOT.resolve("notebooks")
                        .resolve(JARS_LINE.substring("%jars ".length())).normalize())
                        || !Files.exists(NotebooksTest.ROOT.resolve("notebook-jar/target")),
                "the %jars path points at the notebook jar");

        for (int i = 0; i < code.size(); i++) {
            String source = NotebooksTest.text(code.get(i).get("source"));
            int cell = i + 1;
            if (i > 0) {
                assertFalse(source.lines().anyMatch(line -> line.stripLeading().startsWith("%")),
                        () -> "code cell " + cell + " uses a magic; only the first cell may (%jars)");
            }
            assertFalse(source.matches("(?s).*\\bdisplay\\(.*"),
                    () -> "code cell " + cell + " calls display(...), which prints an extra result on IJava");
            assertTrue(NotebooksTest.outputs(code.get(i)).isEmpty(), () -> "code cell " + cell + " has outputs: "
                    + "commit notebooks with outputs cleared");
            assertTrue(code.get(i).get("execution_count").isJsonNull(),
                    () -> "code cell " + cell + " has an execution count: commit notebooks cleared");
        }
        assertTrue(text(cells(notebook).get(0)).startsWith("# "), "a notebook starts with a markdown title");
    }

    /** The committed language_info is exactly what the kernel fills in (its Java version aside). */
    static void checkLanguageInfo(JsonObject languageInfo) {
        assertTrue(languageInfo != null, "metadata.language_info is missing: copy the one the kernel writes");
        Map<String, String> committed = new TreeMap<>();
        languageInfo.entrySet().forEach(entry -> committed.put(entry.getKey(), entry.getValue().getAsString()));
        assertTrue(committed.containsKey("version") && !committed.get("version").isBlank(),
                "metadata.language_info has the kernel's Java version");
        committed.remove("version");
        assertEquals(new TreeMap<>(LANGUAGE_INFO), committed,
                "metadata.language_info must be what the kernel writes, or Jupyter marks the notebook modified");
    }

    /** An exercise notebook: code that fits the classic notebook's width, as in the lessons; it ends with its summary. */
    static void checkExercises(JsonObject notebook) {
        check(notebook);
        List<JsonObject> cells = cells(notebook);
        for (int i = 0; i < cells.size(); i++) {
            int number = i + 1;
            if (isCode(cells.get(i))) {
                for (String line : text(cells.get(i)).split("\n")) {
                    assertTrue(line.length() <= MAX_CODE_LINE, () -> "cell " + number + " has a code line of "
                            + line.length() + " characters (at most " + MAX_CODE_LINE + "): " + line);
                }
            }
        }
        assertTrue(text(cells.get(cells.size() - 1)).contains("## Summary"), "a notebook ends with its summary");
    }

    /**
     * A lesson notebook: code that fits the classic notebook's width; reveal.js slide boundaries in the
     * cell metadata (a slide per title and section, the set-up cells skipped) and 1 to 3 speaker notes;
     * 2 to 4 "predict, then run" prompts, each right before the code cell that answers it; a summary,
     * then 3 to 5 questions with their answers in a collapsed {@code <details>} block.
     */
    static void checkLesson(JsonObject notebook) {
        check(notebook);
        List<JsonObject> cells = cells(notebook);
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i);
            int number = i + 1;
            if (isCode(cell)) {
                for (String line : text(cell).split("\n")) {
                    assertTrue(line.length() <= MAX_CODE_LINE,
                            () -> "cell " + number + " has a code line of " + line.length() + " characters (at most "
                                    + MAX_CODE_LINE + "): " + line);
                }
            }
            String slideType = slideType(cell);
            assertTrue(slideType == null || SLIDE_TYPES.contains(slideType),
                    () -> "cell " + number + " has slide_type '" + slideType + "'; use one of " + SLIDE_TYPES);
        }

        assertEquals("slide", slideType(cells.get(0)), "the title cell starts the first slide");
        List<JsonObject> code = codeCells(notebook);
        assertEquals("skip", slideType(code.get(0)), "the %jars cell is skipped in the slides");
        assertEquals("skip", slideType(code.get(1)), "the imports cell is skipped in the slides");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i);
            if (!isCode(cell) && text(cell).startsWith("## ")) {
                int number = i + 1;
                assertEquals("slide", slideType(cell), () -> "cell " + number + " starts a section ("
                        + text(cell).lines().findFirst().orElse("") + ") and so a new slide");
            }
        }
        long notes = cells.stream().filter(cell -> "notes".equals(slideType(cell))).count();
        assertTrue(notes >= 1 && notes <= 3, "1 to 3 speaker-notes cells (slide_type notes), not " + notes);

        int prompts = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (!isCode(cells.get(i)) && text(cells.get(i)).contains(PREDICT)) {
                prompts++;
                int number = i + 1;
                assertTrue(i + 1 < cells.size() && isCode(cells.get(i + 1)),
                        () -> "cell " + number + " asks to predict, so the cell after it is the code that answers");
            }
        }
        assertTrue(prompts >= 2 && prompts <= 4, "2 to 4 '" + PREDICT + "' prompts, not " + prompts);

        JsonObject last = cells.get(cells.size() - 1);
        JsonObject summary = cells.get(cells.size() - 2);
        assertTrue(text(summary).startsWith("## Summary"), "the summary comes right before the questions");
        checkQuestions(text(last));
    }

    /**
     * "## Questions", 3 to 5 numbered questions, then one answer each in a closed {@code <details>} block.
     * The answers are an HTML list, not markdown: nbconvert copies a {@code <details>} block into the
     * site's page as it is, so markdown inside it would show as plain text there.
     */
    static void checkQuestions(String questions) {
        assertTrue(questions.startsWith("## Questions"), "a lesson notebook ends with its questions");
        int details = questions.indexOf("<details>");
        assertTrue(details > 0 && questions.contains("<summary>") && questions.strip().endsWith("</details>"),
                "the answers sit in a <details> block with a <summary>, at the end");
        assertFalse(questions.contains("<details open"), "the answers start collapsed");
        String answers = questions.substring(details);
        assertFalse(answers.contains("\n\n"), "no blank line inside <details>: it would end the HTML block");
        int asked = numberedItems(questions.substring(0, details));
        int answered = answers.split("<li>", -1).length - 1;
        assertTrue(asked >= 3 && asked <= 5, "3 to 5 questions, not " + asked);
        assertEquals(asked, answered, "one answer (<li>) per question");
    }

    private static int numberedItems(String markdown) {
        Matcher item = Pattern.compile("(?m)^\\d+\\. ").matcher(markdown);
        int count = 0;
        while (item.find()) {
            count++;
        }
        return count;
    }

    private static List<JsonObject> cells(JsonObject notebook) {
        return notebook.getAsJsonArray("cells").asList().stream().map(JsonElement::getAsJsonObject).toList();
    }

    private static List<JsonObject> codeCells(JsonObject notebook) {
        return cells(notebook).stream().filter(NotebookRules::isCode).toList();
    }

    private static boolean isCode(JsonObject cell) {
        return cell.get("cell_type").getAsString().equals("code");
    }

    private static String text(JsonObject cell) {
        return NotebooksTest.text(cell.get("source"));
    }

    /** The cell's reveal.js slide type, or null when it has none (it then continues the slide before it). */
    static String slideType(JsonObject cell) {
        JsonObject metadata = cell.getAsJsonObject("metadata");
        if (metadata == null || !metadata.has("slideshow")) {
            return null;
        }
        JsonElement type = metadata.getAsJsonObject("slideshow").get("slide_type");
        return type == null ? null : type.getAsString();
    }
}
