package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's kernel on a shared server: a kernel whose student has stopped running cells gives back the
 * heap it no longer needs (the kernel's IdleHeapRelease, 5 seconds after the last request), never while
 * a cell runs, and, once idle, does not keep collecting in full.
 */
@DisplayName("an idle kernel")
class IdleKernelTest {

    /** G1 counts its full collections as the "G1 Old Generation" collector's. */
    private static final String FULL_COLLECTIONS = """
            long fullCollections() {
                return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .filter(collector -> collector.getName().equals("G1 Old Generation"))
                        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
            }
            """;

    @Test
    void givesBackTheHeapItNoLongerNeedsOnceWhenIdleAndNeverWhileACellRuns() throws Exception {
        JsonArray cells = new JsonArray();
        // 300 MB in use makes the heap grow past 300 MB; then nothing holds it, and the cell sleeps
        cells.add(cell(FULL_COLLECTIONS + """
                byte[][] blocks = new byte[300][1 << 20];
                blocks = null;
                long grown = Runtime.getRuntime().totalMemory() >> 20;
                long before = fullCollections();
                Thread.sleep(10_000);
                System.out.println("heap after 300 MB: " + grown);
                System.out.println("full collections while the cell ran: " + (fullCollections() - before));
                """, 12));
        // a thread counts the full collections from 8 to 20 s after this cell, while the kernel is idle
        cells.add(cell("""
                System.out.println("heap after a quiet while: " + (Runtime.getRuntime().totalMemory() >> 20));
                var whileIdle = new java.util.concurrent.atomic.AtomicLong(-1);
                Thread counter = new Thread(() -> {
                    try {
                        Thread.sleep(8_000);
                        long first = fullCollections();
                        Thread.sleep(12_000);
                        whileIdle.set(fullCollections() - first);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                counter.start();
                """, 24));
        cells.add(cell("""
                counter.join();
                System.out.println("full collections while idle: " + whileIdle.get());
                """, 0));

        String printed = runWithPauses(cells);

        long grown = number(printed, "heap after 300 MB: (\\d+)");
        long afterQuiet = number(printed, "heap after a quiet while: (\\d+)");
        assertTrue(grown >= 300, "the heap should have grown past 300 MB, but was " + grown + " MB:\n" + printed);
        assertEquals(0, number(printed, "full collections while the cell ran: (\\d+)"),
                "a running cell should never be collected in full for the release:\n" + printed);
        assertTrue(afterQuiet <= grown / 2, "an idle kernel should give back what it no longer needs: its heap was "
                + grown + " MB with 300 MB in use and still " + afterQuiet + " MB after a quiet while:\n" + printed);
        assertEquals(0, number(printed, "full collections while idle: (\\d+)"),
                "a kernel that stays idle should not keep collecting in full:\n" + printed);
    }

    private static JsonObject cell(String source, int idleAfterSeconds) {
        JsonObject cell = new JsonObject();
        cell.addProperty("source", source);
        cell.addProperty("idle_after", idleAfterSeconds);
        return cell;
    }

    /** Runs the cells on a fresh kernel of the kit, idle between them; returns what they printed. */
    private static String runWithPauses(JsonArray cells) throws Exception {
        Process process = NotebooksTest.onTheKitsKernel(
                NotebooksTest.ROOT.resolve("notebook-tests/src/test/resources/idle_kernel.py")).start();
        try (var input = process.getOutputStream()) {
            input.write(cells.toString().getBytes(StandardCharsets.UTF_8));
        }
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the cells did not finish within 5 minutes:\n" + printed);
        }
        assertEquals(0, process.exitValue(), "the cells did not run:\n" + printed);
        return printed;
    }

    private static long number(String printed, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(printed);
        assertTrue(matcher.find(), "the cells should print '" + pattern + "', but printed:\n" + printed);
        return Long.parseLong(matcher.group(1));
    }
}
