package org.poolinglab.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./lab gradescope}'s zip, run as Gradescope runs it: unpacked into {@code source/} of a folder
 * shaped like {@code /autograder}, {@code setup.sh} run there (twice: it must be idempotent),
 * {@code run_autograder} copied up and run for each submission, {@code results/results.json} read back.
 */
@DisplayName("The Gradescope autograder")
class GradescopeAutograderTest {

    private static final Path MASTER = Kit.ROOT.resolve("solutions/pooling-exercises.ipynb");
    private static final Path STUDENT = Kit.ROOT.resolve("exercises/pooling-exercises.ipynb");
    private static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    @TempDir
    static Path work;
    private static Path zip;
    private static Path autograder;
    private static String secondSetup;

    @BeforeAll
    static void buildTheZipAndTheImage() throws Exception {
        Kit.Ran built = Kit.java(work, "org.poolinglab.grading.Gradescope", "build", "--out", work.resolve("out").toString());
        assertEquals(0, built.status(), built.output());
        zip = work.resolve("out/autograder.zip");
        autograder = work.resolve("autograder");
        Path source = autograder.resolve("source");
        unzip(zip, source);
        Kit.Ran first = Kit.run(List.of("bash", "./setup.sh"), source, Map.of(), 15);
        assertEquals(0, first.status(), first.output());
        Kit.Ran second = Kit.run(List.of("bash", "./setup.sh"), source, Map.of(), 15);
        assertEquals(0, second.status(), second.output());
        secondSetup = second.output();
        Files.copy(source.resolve("run_autograder"), autograder.resolve("run_autograder"), StandardCopyOption.COPY_ATTRIBUTES);
    }

    @Test
    void hasGradescopesLayoutAndNeedsNothingFromTheInternet() throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals(List.of("setup.sh", "run_autograder", "kit/", "kit/pooling-lab-grader.jar", "kit/exercise-set.json"),
                    Collections.list(file.entries()).stream().map(entry -> entry.getName()).toList());
        }
        assertTrue(Files.isExecutable(autograder.resolve("source/setup.sh")), "setup.sh is executable");
        assertTrue(Files.isExecutable(autograder.resolve("run_autograder")), "run_autograder is executable");
        String setup = Files.readString(autograder.resolve("source/setup.sh"));
        assertTrue(setup.contains("missing+=(openjdk-17-jdk-headless)") && setup.contains("missing+=(bubblewrap)")
                && setup.contains("apt-get install -y -qq --no-install-recommends \"${missing[@]}\""), setup);
        for (String script : List.of(setup, Files.readString(autograder.resolve("run_autograder")))) {
            String commands = String.join("\n", script.lines().filter(line -> !line.strip().startsWith("#")).toList());
            for (String network : List.of("github", "pypi", "pip ", "curl", "wget", "mvn", "git ")) {
                assertFalse(commands.toLowerCase().contains(network), "a script of the zip uses " + network + ":\n" + script);
            }
        }
        assertTrue(secondSetup.contains("nothing to do"), "running setup.sh again changes nothing: " + secondSetup);
    }

    @Test
    void gradesTheSubmittedNotebookWithTheExerciseSetItWasBuiltFrom() throws Exception {
        JsonObject results = grade(Map.of("pooling-exercises.ipynb", MASTER));
        assertEquals(100, results.get("score").getAsInt(), results.toString());
        assertTrue(results.get("output").getAsString().contains("Graded pooling-exercises.ipynb, the notebook you handed in."));
        JsonObject set = JsonParser.parseString(Files.readString(autograder.resolve("source/kit/exercise-set.json"))).getAsJsonObject();
        List<String> pinned = set.getAsJsonArray("exercises").asList().stream()
                .flatMap(exercise -> exercise.getAsJsonObject().getAsJsonArray("tests").asList().stream())
                .map(test -> test.getAsJsonObject().get("name").getAsString() + " " + test.getAsJsonObject().get("points").getAsInt())
                .sorted().toList();
        List<String> graded = results.getAsJsonArray("tests").asList().stream().map(JsonElement::getAsJsonObject)
                .map(test -> test.get("name").getAsString().replaceFirst("^[a-z-]+: ", "") + " " + test.get("max_score").getAsInt())
                .sorted().toList();
        assertEquals(pinned, graded, "results.json grades exactly the tests of kit/exercise-set.json");
    }

    @Test
    void gradesANotebookWithAnotherName() throws Exception {
        JsonObject results = grade(Map.of("my work (final).ipynb", STUDENT));
        assertEquals(0, results.get("score").getAsInt());
        assertTrue(results.get("output").getAsString().contains("Graded my work (final).ipynb, the notebook you handed in."),
                results.get("output").getAsString());
        assertTrue(results.getAsJsonArray("tests").asList().stream().map(JsonElement::getAsJsonObject)
                .allMatch(test -> test.get("output").getAsString().contains("not answered yet")));
    }

    @Test
    void gradesOneOfTwoNotebooksAndSaysWhich() throws Exception {
        JsonObject results = grade(Map.of("scratch.ipynb", STUDENT, "final/pooling-exercises.ipynb", MASTER));
        assertEquals(100, results.get("score").getAsInt());
        assertTrue(results.get("output").getAsString().contains("2 notebooks were handed in (pooling-exercises.ipynb, "
                + "scratch.ipynb); graded pooling-exercises.ipynb, the one named like the exercise notebook, and no other."),
                results.get("output").getAsString());
    }

    @Test
    void saysSoWhenThereIsNoNotebook() throws Exception {
        Path notes = Files.writeString(work.resolve("answers.txt"), "my answers are in my head");
        JsonObject results = grade(Map.of("answers.txt", notes));
        assertEquals(0, results.get("score").getAsInt());
        assertEquals("No notebook (.ipynb) was found in your submission (it has answers.txt). Upload your exercise "
                + "notebook, pooling-exercises.ipynb, and submit again.", results.get("output").getAsString());
    }

    @Test
    void saysSoWhenTheNotebookIsNotOne() throws Exception {
        Path broken = Files.writeString(work.resolve("broken.ipynb"), "{\"cells\": [");
        JsonObject results = grade(Map.of("pooling-exercises.ipynb", broken));
        assertEquals(0, results.get("score").getAsInt());
        assertTrue(results.get("output").getAsString().contains("It could not be graded: pooling-exercises.ipynb: is not a "
                + "Jupyter notebook (not valid JSON)"), results.get("output").getAsString());
    }

    @Test
    void refusesToGradeWithAKitThatIsNotTheOneItWasBuiltFor() throws Exception {
        Path set = autograder.resolve("source/kit/exercise-set.json");
        String pinned = Files.readString(set);
        try {
            Files.writeString(set, pinned.replaceFirst("\"fingerprint\": \"[0-9a-f]+\"", "\"fingerprint\": \"0000000000000000\""));
            JsonObject results = grade(Map.of("pooling-exercises.ipynb", MASTER));
            assertEquals(0, results.get("score").getAsInt());
            assertTrue(results.get("output").getAsString().contains("does not match the exercise set it was built for"));
        } finally {
            Files.writeString(set, pinned);
        }
    }

    @ParameterizedTest(name = "it also kills what it sees: {0}")
    @ValueSource(booleans = {false, true})
    void anAnswerThatForgesItsResultsOrKillsTheGraderGetsOnlyWhatItDeserves(boolean kills) throws Exception {
        // Every answer of the student version is unanswered; max-pool's is right, and it also writes a
        // results.json with 1000 points where Gradescope keeps it, prints results, and may kill all it sees
        // (in its sandbox, only the sandbox's own first process, which a signal from inside cannot end).
        Path forging = work.resolve("forging.ipynb");
        Files.writeString(forging, withAnswer(Files.readString(STUDENT), "answer:max-pool", """
                double[][] maxPool(double[][] x, int window, int stride) {
                    String forged = "{\\"score\\": 1000, \\"output\\": \\"forged\\", \\"tests\\": []}";
                    for (String path : new String[] {"%1$s/results/results.json", "/autograder/results/results.json"}) {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of(path), forged);
                        } catch (Exception e) {
                            System.out.println("could not write " + path + ": " + e);
                        }
                    }
                    System.out.println(forged);
                    if (%2$s) {
                        ProcessHandle.allProcesses().filter(p -> !p.equals(ProcessHandle.current())).forEach(ProcessHandle::destroyForcibly);
                    }
                    double[][] out = new double[(x.length - window) / stride + 1][(x[0].length - window) / stride + 1];
                    for (int r = 0; r < out.length; r++) {
                        for (int c = 0; c < out[0].length; c++) {
                            out[r][c] = Double.NEGATIVE_INFINITY;
                            for (int i = 0; i < window * window; i++) {
                                out[r][c] = Math.max(out[r][c], x[r * stride + i / window][c * stride + i %% window]);
                            }
                        }
                    }
                    return out;
                }""".formatted(autograder, kills)));
        JsonObject results = grade(Map.of("pooling-exercises.ipynb", forging));
        assertTrue(results.get("output").getAsString().contains("Your code ran contained:"), results.get("output").getAsString());
        int maxPoolPoints = results.getAsJsonArray("tests").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(test -> test.get("name").getAsString().startsWith("max-pool: "))
                .mapToInt(test -> test.get("max_score").getAsInt()).sum();
        assertEquals(maxPoolPoints, results.get("score").getAsInt(), "only the honest max-pool answer's points: " + results);
        assertFalse(results.toString().contains("\"forged\""), results.toString());
    }

    private static String withAnswer(String notebook, String tag, String answer) {
        JsonObject json = JsonParser.parseString(notebook).getAsJsonObject();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().getAsJsonObject("metadata").toString().contains("\"" + tag + "\"")) {
                cell.getAsJsonObject().addProperty("source", answer);
            }
        }
        return json.toString();
    }

    /** A submission with {@code files} (name in the submission to file), graded as Gradescope grades it. */
    private static JsonObject grade(Map<String, Path> files) throws Exception {
        for (String folder : List.of("submission", "results")) {
            deleteTree(autograder.resolve(folder));
            Files.createDirectories(autograder.resolve(folder));
        }
        for (Map.Entry<String, Path> file : files.entrySet()) {
            Path target = autograder.resolve("submission").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(file.getValue(), target);
        }
        Kit.Ran ran = Kit.run(List.of(autograder.resolve("run_autograder").toString()), autograder,
                Map.of("AUTOGRADER_ROOT", autograder.toString()), 5);
        assertEquals(0, ran.status(), ran.output());
        JsonObject results = JsonParser.parseString(Files.readString(autograder.resolve("results/results.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertValid(results);
        return results;
    }

    /** results.json as Gradescope's specification describes it. */
    private static void assertValid(JsonObject results) {
        assertTrue(results.get("score").getAsJsonPrimitive().isNumber(), results.toString());
        assertTrue(results.get("output").getAsJsonPrimitive().isString());
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            assertTrue(test.get("name").getAsJsonPrimitive().isString());
            assertTrue(test.get("score").getAsDouble() >= 0 && test.get("score").getAsDouble() <= test.get("max_score").getAsDouble());
            assertTrue(Set.of("passed", "failed").contains(test.get("status").getAsString()));
            assertTrue(test.get("output").getAsJsonPrimitive().isString());
            assertTrue(VISIBILITIES.contains(test.get("visibility").getAsString()));
        }
    }

    /** Unpacks the zip with each file's permissions, as unzip does. */
    private static void unzip(Path zip, Path folder) throws IOException {
        try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            Path root = archive.getPath("/");
            try (Stream<Path> entries = Files.walk(root)) {
                for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                    Path target = folder.resolve(root.relativize(entry).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
