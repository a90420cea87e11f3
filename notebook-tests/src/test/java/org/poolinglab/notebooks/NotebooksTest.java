package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
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
    private static final int MAX_IMAGE_WIDTH = 1300;
    private static final int MAX_IMAGE_HEIGHT = 760;
    private static final String RUN_AGAIN = "// run this cell again to move the window";

    @TestFactory
    Stream<DynamicNode> everyNotebook() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no lesson notebooks in notebooks/");
        return notebooks.stream().map(notebook -> DynamicContainer.dynamicContainer(
                notebook.getFileName().toString(), Stream.of(
                        DynamicTest.dynamicTest("is committed without outputs and keeps to IJava's and the lesson's rules",
                                () -> NotebookRules.checkLesson(read(notebook))),
                        DynamicTest.dynamicTest("runs on the Java kernel without errors and shows pictures",
                                () -> checkExecution(notebook)))));
    }

    @TestFactory
    Stream<DynamicNode> theExerciseNotebooks() {
        Path master = ROOT.resolve("solutions/pooling-exercises.ipynb");
        Path student = ROOT.resolve("exercises/pooling-exercises.ipynb");
        return Stream.of(
                DynamicContainer.dynamicContainer("solutions/" + master.getFileName(), Stream.of(
                        DynamicTest.dynamicTest("keeps to IJava's rules", () -> NotebookRules.checkExercises(read(master))),
                        DynamicTest.dynamicTest("passes every check on the Java kernel",
                                () -> checkExercises(master, "all passed")))),
                DynamicContainer.dynamicContainer("exercises/" + student.getFileName(), Stream.of(
                        DynamicTest.dynamicTest("keeps to IJava's rules", () -> NotebookRules.checkExercises(read(student))),
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
        assertEquals(org.poolinglab.exercises.Exercises.ALL.size(), checks, "check cells run in " + notebook.getFileName());
    }

    /** Every error and every line written to stderr, by cell. */
    static List<String> problems(JsonObject executed) {
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
                    checkFitsASlide(notebook, output.getAsJsonObject("data").get("image/png").getAsString());
                    checkDescribed(notebook, images, output.getAsJsonObject("data"));
                }
            }
        }
        assertTrue(problems.isEmpty(), notebook.getFileName() + ":\n" + String.join("\n", problems));
        assertTrue(images > 0, notebook.getFileName() + " shows no picture");
        NotebookRules.checkLanguageInfo(executed.getAsJsonObject("metadata").getAsJsonObject("language_info"));
        LessonResults.check(notebook.getFileName().toString(), allText(executed));
        if (notebook.getFileName().toString().matches("0[12]-.*")) {
            checkLiveStepper(notebook, executed);
        }
    }

    /**
     * Notebooks 01 and 02 each hold a live stepper for a class: one cell, to be run again and again, that
     * shows the next window step each time; after Run All it shows step 1, as a picture.
     */
    private static void checkLiveStepper(Path notebook, JsonObject executed) {
        List<JsonObject> stepperCells = executed.getAsJsonArray("cells").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(cell -> text(cell.get("source")).contains(".next(")
                        && text(cell.get("source")).contains(RUN_AGAIN))
                .toList();
        assertEquals(1, stepperCells.size(), notebook.getFileName() + " has one stepper cell that says '" + RUN_AGAIN
                + "'");
        List<JsonElement> shown = outputs(stepperCells.get(0));
        assertTrue(shown.size() == 1 && shown.get(0).getAsJsonObject().has("data")
                        && shown.get(0).getAsJsonObject().getAsJsonObject("data").has("image/png"),
                notebook.getFileName() + "'s stepper cell shows one picture, the first step: " + shown);
    }

    /**
     * The picture's text alternative came with it, as the output's plain text: lesson-lib's description,
     * which the kernel puts there (scripts/kernel-fix) and the site and the slides use as its alt text.
     */
    private static void checkDescribed(Path notebook, int picture, JsonObject data) {
        String description = text(data.get("text/plain"));
        assertTrue(!description.isBlank() && !description.startsWith("BufferedImage@"), notebook.getFileName()
                + "'s picture " + picture + " has no description as its plain text (a picture lesson-lib did not "
                + "draw, or a kernel without the kit's fix?): '" + description + "'");
    }

    /** At most {@value #MAX_IMAGE_WIDTH}x{@value #MAX_IMAGE_HEIGHT} pixels, so that a slide shows it readably. */
    private static void checkFitsASlide(Path notebook, String base64Png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64Png)));
        assertTrue(image.getWidth() <= MAX_IMAGE_WIDTH && image.getHeight() <= MAX_IMAGE_HEIGHT,
                notebook.getFileName() + " shows a picture of " + image.getWidth() + "x" + image.getHeight()
                        + ", larger than a slide's " + MAX_IMAGE_WIDTH + "x" + MAX_IMAGE_HEIGHT);
    }

    /**
     * A Python script with its arguments, run by the Python that has Jupyter (POOLING_LAB_PYTHON, or
     * Debian's), which finds the kit's kernel in .jupyter/ first; its errors go to its output.
     */
    static ProcessBuilder onTheKitsKernel(Path script, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(System.getenv().getOrDefault("POOLING_LAB_PYTHON", "/usr/bin/python3"));
        command.add(script.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String jupyterPath = System.getenv("JUPYTER_PATH");
        builder.environment().put("JUPYTER_PATH", ROOT.resolve(".jupyter")
                + (jupyterPath == null || jupyterPath.isEmpty() ? "" : ":" + jupyterPath));
        return builder;
    }

    /** Executes a notebook on the Java kernel in its own folder; returns the executed notebook. */
    static JsonObject execute(Path notebook) throws Exception {
        Path kernel = ROOT.resolve(".jupyter/kernels/java/kernel.json");
        if (!Files.isRegularFile(kernel)) {
            fail("the Java kernel is not installed in .jupyter/: run ./lab setup first (./lab test does it for you)");
        }
        Process process = onTheKitsKernel(ROOT.resolve("scripts/notebooks.py"), "execute", "--out",
                EXECUTED.resolve(notebook.getParent().getFileName()).toString(), notebook.toString()).start();
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

    static String allText(JsonObject notebook) {
        StringBuilder text = new StringBuilder();
        for (JsonElement cell : notebook.getAsJsonArray("cells")) {
            for (JsonElement element : outputs(cell.getAsJsonObject())) {
                JsonObject output = element.getAsJsonObject();
                text.append(text(output.get("text")));
                // A picture's plain text is its description, not printed output: the numbers the prose quotes
                // must be printed
                if (output.has("data") && !output.getAsJsonObject("data").has("image/png")) {
                    text.append(text(output.getAsJsonObject("data").get("text/plain")));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
