package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's kernel on a shared server: a kernel whose student has stopped running cells gives the heap
 * it no longer needs back (the kernel's IdleHeapRelease, about 5 seconds after the last collection),
 * and, once idle, does not keep collecting in full.
 */
@DisplayName("an idle kernel")
class IdleKernelTest {

    /** Longer than the kernel's quiet time of 5 seconds, with room for a busy machine. */
    private static final int WAIT_MILLIS = 12_000;

    @TempDir
    Path folder;

    @Test
    void givesBackTheHeapItNoLongerNeedsAndThenStopsCollectingInFull() throws Exception {
        Path notebook = folder.resolve("idle.ipynb");
        Files.writeString(notebook, notebook(
                // 300 MB in use makes the heap grow past 300 MB; then nothing holds it
                "byte[][] blocks = new byte[300][1 << 20];\n"
                        + "blocks = null;\n"
                        + "System.out.println(\"heap after 300 MB: \" + (Runtime.getRuntime().totalMemory() >> 20));",
                "Thread.sleep(" + WAIT_MILLIS + ");\n"
                        + "System.out.println(\"heap after a quiet while: \" + (Runtime.getRuntime().totalMemory() >> 20));",
                // G1 counts its full collections as the "G1 Old Generation" collector's
                "long fullCollections() {\n"
                        + "    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()\n"
                        + "            .filter(collector -> collector.getName().equals(\"G1 Old Generation\"))\n"
                        + "            .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();\n"
                        + "}\n"
                        + "Thread.sleep(" + WAIT_MILLIS + ");\n"
                        + "long before = fullCollections();\n"
                        + "Thread.sleep(" + WAIT_MILLIS + ");\n"
                        + "System.out.println(\"full collections while idle: \" + (fullCollections() - before));"));

        String printed = NotebooksTest.allText(NotebooksTest.execute(notebook));

        long grown = number(printed, "heap after 300 MB: (\\d+)");
        long afterQuiet = number(printed, "heap after a quiet while: (\\d+)");
        assertTrue(grown >= 300, "the heap should have grown past 300 MB, but was " + grown + " MB:\n" + printed);
        assertTrue(afterQuiet <= grown / 2, "an idle kernel should give back what it no longer needs: its heap was "
                + grown + " MB with 300 MB in use and still " + afterQuiet + " MB after a quiet while:\n" + printed);
        assertEquals(0, number(printed, "full collections while idle: (\\d+)"),
                "a kernel that stays idle should not keep collecting in full:\n" + printed);
    }

    private static long number(String printed, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(printed);
        assertTrue(matcher.find(), "the notebook should print '" + pattern + "', but printed:\n" + printed);
        return Long.parseLong(matcher.group(1));
    }

    private static String notebook(String... sources) {
        JsonArray cells = new JsonArray();
        for (String source : sources) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.addProperty("execution_count", (Number) null);
            cell.add("metadata", new JsonObject());
            cell.add("outputs", new JsonArray());
            cell.addProperty("source", source);
            cells.add(cell);
        }
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("name", "java");
        kernelspec.addProperty("display_name", "Java");
        kernelspec.addProperty("language", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        JsonObject notebook = new JsonObject();
        notebook.add("cells", cells);
        notebook.add("metadata", metadata);
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 4);
        return notebook.toString();
    }
}
