package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.util.List;

/**
 * What a committed notebook must look like so that it runs unchanged on the default kernel and on
 * IJava 1.3.0, and reads well on GitHub.
 */
final class NotebookRules {

    /** The only magic allowed, alone in the first code cell: one jar, relative to the notebook. */
    static final String JARS_LINE = "%jars ../notebook-jar/target/pooling-lab.jar";

    private NotebookRules() {
    }

    static void check(JsonObject notebook) {
        JsonObject kernelspec = notebook.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        assertEquals("java", kernelspec.get("name").getAsString(), "kernelspec name (IJava's)");

        List<JsonObject> cells = notebook.getAsJsonArray("cells").asList().stream()
                .map(JsonElement::getAsJsonObject).toList();
        List<JsonObject> code = cells.stream().filter(c -> c.get("cell_type").getAsString().equals("code")).toList();
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

        String first = NotebooksTest.text(cells.get(0).get("source"));
        assertTrue(first.startsWith("# "), "a notebook starts with a markdown title");
        String last = NotebooksTest.text(cells.get(cells.size() - 1).get("source"));
        assertTrue(last.contains("## Summary"), "a notebook ends with its summary");
    }
}
