package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lesson notebook, checked as committed (the rules that keep it runnable on IJava too) and
 * executed on the real Java kernel (no errors, pictures shown, the lesson's numbers present).
 */
@DisplayName("The lesson notebooks")
class NotebooksTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXECUTED = Path.of("target", "executed-notebooks").toAbsolutePath();
    private static final long NOTEBOOK_TIMEOUT_MINUTES = 10;

    @TestFactory
    Stream<DynamicNode> everyNotebook() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no lesson notebooks in notebooks/");
        return notebooks.stream().map(notebook -> DynamicContainer.dynamicContainer(
                notebook.getFileName().toString(), Stream.of(
                        DynamicTest.dynamicTest("is committed without outputs and keeps to IJava's rules",
                                () -> NotebookRules.check(read(notebook))),
                        DynamicTest.dynamicTest("runs on the Java kernel without errors and shows pictures",
                                () -> checkExecution(notebook)))));
    }

    @TestFactory
    Stream<DynamicNode> theExerciseNotebooks() {
        Path master = ROOT.resolve("solutions/pooling-exercises.ipynb");
        Path student = ROOT.resolve("exercises/pooling-exercises.ipynb");
        return Stream.of(
                DynamicContainer.dynamicContainer("solutions/" + master.getFileName(), Stream.of(
                        DynamicTest.dynamicTest("keeps to IJava's rules", () -> NotebookRules.check(read(master))),
                        DynamicTest.dynamicTest("passes every check on the Java kernel",
                                () -> checkExercises(master, "all passed")))),
                DynamicContainer.dynamicContainer("exercises/" + student.getFileName(), Stream.of(
                        DynamicTest.dynamicTest("keeps to IJava's rules", () -> NotebookRules.check(read(student))),
                        DynamicTest.dynamicTest("runs on the Java kernel, every check saying what is left to do",
                                () -> checkExercises(student, "not answered yet")))));
    }

    /** Every check cell's report contains {@code expected}, and no cell fails. */
    private static void checkExercises(Path notebook, String expected) throws Exception {
        JsonObject executed = execute(notebook);
        assertTrue(problems(executed).isEmpty(), notebook + ":\n" + String.join("\n", problems(executed)));
        int checks = 0;
        for (JsonElement element : executed.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (cell.getAsJsonObject("metadata").toString().contains("check:")) {
                checks++;
                String report = outputs(cell).stream().map(output -> text(output.getAsJsonObject().getAsJsonObject("data")
                        .get("text/plain"))).collect(Collectors.joining());
                assertTrue(report.contains(expected), "a check cell of " + notebook.getFileName() + " should say '"
                        + expected + "' but said:\n" + report);
            }
        }
        assertEquals(8, checks, "check cells run in " + notebook.getFileName());
    }

    private static List<String> problems(JsonObject executed) {
        List<String> problems = new ArrayList<>();
        JsonArray cells = executed.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            for (JsonElement element : outputs(cells.get(i).getAsJsonObject())) {
                JsonObject output = element.getAsJsonObject();
                String type = output.get("output_type").getAsString();
                if (type.equals("error")) {
                    problems.add("cell " + (i + 1) + " failed: " + output.get("ename").getAsString() + ": "
                            + output.get("evalue").getAsString());
                } else if (type.equals("stream") && output.get("name").getAsString().equals("stderr")) {
                    problems.add("cell " + (i + 1) + " wrote to stderr: " + text(output.get("text")));
                }
            }
        }
        return problems;
    }

    private static void checkExecution(Path notebook) throws Exception {
        JsonObject executed = execute(notebook);
        List<String> problems = problems(executed);
        int images = 0;
        for (JsonElement cell : executed.getAsJsonArray("cells")) {
            for (JsonElement element : outputs(cell.getAsJsonObject())) {
                JsonObject output = element.getAsJsonObject();
                if (output.has("data") && output.getAsJsonObject("data").has("image/png")) {
                    images++;
                }
            }
        }
        assertTrue(problems.isEmpty(), notebook.getFileName() + ":\n" + String.join("\n", problems));
        assertTrue(images > 0, notebook.getFileName() + " shows no picture");
        if (notebook.getFileName().toString().startsWith("01-")) {
            checkLessonResults(allText(executed));
        }
    }

    /** The lesson's 4x4 example must show its results: max, average, global max and global average. */
    private static void checkLessonResults(String outputs) {
        for (String expected : List.of("6  5\n8  9", "3.5  2.5\n4.5  4.0", "global max: 9.0", "global average: 3.625",
                "step 4: window rows 2..3, columns 2..3 [9 3 / 0 4] -> max 9 -> output[1, 1]")) {
            assertTrue(outputs.contains(expected), "01's outputs should show '" + expected + "' but were:\n" + outputs);
        }
    }

    private static JsonObject execute(Path notebook) throws Exception {
        Path kernel = ROOT.resolve(".jupyter/kernels/java/kernel.json");
        if (!Files.isRegularFile(kernel)) {
            fail("the Java kernel is not installed in .jupyter/: run ./lab setup first (./lab test does it for you)");
        }
        String python = System.getenv().getOrDefault("POOLING_LAB_PYTHON", "/usr/bin/python3");
        ProcessBuilder builder = new ProcessBuilder(python, ROOT.resolve("scripts/notebooks.py").toString(),
                "execute", "--out", EXECUTED.resolve(notebook.getParent().getFileName()).toString(), notebook.toString())
                .redirectErrorStream(true);
        String jupyterPath = System.getenv("JUPYTER_PATH");
        builder.environment().put("JUPYTER_PATH", ROOT.resolve(".jupyter")
                + (jupyterPath == null || jupyterPath.isEmpty() ? "" : ":" + jupyterPath));
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(NOTEBOOK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(notebook.getFileName() + " did not finish within " + NOTEBOOK_TIMEOUT_MINUTES + " minutes");
        }
        assertEquals(0, process.exitValue(), "executing " + notebook.getFileName() + " failed:\n" + log);
        String summaryLine = log.strip().lines().reduce((first, second) -> second).orElse("{}");
        JsonObject summary = JsonParser.parseString(summaryLine.substring(summaryLine.indexOf('{'))).getAsJsonObject();
        assertTrue(summary.getAsJsonArray("errors").isEmpty(),
                () -> notebook.getFileName() + " did not run: " + summary.getAsJsonArray("errors"));
        System.out.println(notebook.getFileName() + ": " + summary.get("seconds") + " s, "
                + summary.get("images") + " images, kernel starts: " + summary.get("kernel_starts"));
        return read(EXECUTED.resolve(notebook.getParent().getFileName()).resolve(notebook.getFileName()));
    }

    static JsonObject read(Path notebook) throws IOException {
        return JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static List<JsonElement> outputs(JsonObject cell) {
        return cell.has("outputs") ? cell.getAsJsonArray("outputs").asList() : List.of();
    }

    /** A notebook field that is a string or a list of strings, joined. */
    static String text(JsonElement field) {
        if (field == null || field.isJsonNull()) {
            return "";
        }
        return field.isJsonArray()
                ? field.getAsJsonArray().asList().stream().map(JsonElement::getAsString).collect(Collectors.joining())
                : field.getAsString();
    }

    private static String allText(JsonObject notebook) {
        StringBuilder text = new StringBuilder();
        for (JsonElement cell : notebook.getAsJsonArray("cells")) {
            for (JsonElement element : outputs(cell.getAsJsonObject())) {
                JsonObject output = element.getAsJsonObject();
                text.append(text(output.get("text")));
                if (output.has("data")) {
                    text.append(text(output.getAsJsonObject("data").get("text/plain")));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
