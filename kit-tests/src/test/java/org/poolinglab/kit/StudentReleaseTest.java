package org.poolinglab.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.grading.Hidden;
import org.poolinglab.grading.tests.Mistake;
import org.poolinglab.grading.GradedTest;

/**
 * {@code ./lab release}'s kit, as a student gets it: its {@code ./lab run} run (which builds the kit's
 * own jar from the kit's sources), every check cell of its exercise notebook run on the Java kernel, its
 * {@code ./lab notebook} started; a notebook of wrong answers checked in the kit and in the instructor's
 * kit, which must give the same hints; and the kit searched, file by file and inside every jar, for the
 * master's answers, any three lines of them in a row, and the hidden tests.
 */
@DisplayName("The student release")
class StudentReleaseTest {

    private static final Path MASTER = Kit.ROOT.resolve("solutions/pooling-exercises.ipynb");

    @TempDir
    static Path work;
    private static Path kit;
    private static String lesson;
    private static Kit.Ran ran;
    private static Kit.Ran checked;
    private static Kit.Ran wrongInTheKit;
    private static Kit.Ran wrongInTheInstructorsKit;

    /**
     * Releases the kit, then in it: {@code ./lab run} on its first lesson notebook (which sets up the
     * kernel, builds the kit's jar from the kit's sources and writes the site), and the exercise notebook
     * run on that kernel by the kit's own {@code scripts/notebooks.py}, as {@code ./lab run} runs notebooks.
     */
    @BeforeAll
    static void releaseAndRunIt() throws Exception {
        kit = work.resolve("pooling-lab-student");
        Kit.Ran released = Kit.java(work, "org.poolinglab.grading.Release", Kit.ROOT.toString(), "--out", kit.toString());
        assertEquals(0, released.status(), released.output());
        try (Stream<Path> notebooks = Files.list(kit.resolve("notebooks"))) {
            lesson = notebooks.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".ipynb"))
                    .sorted().findFirst().orElseThrow();
        }
        ran = Kit.run(List.of("./lab", "run", "notebooks/" + lesson), kit, Map.of(), 20);
        String python = System.getenv().getOrDefault("POOLING_LAB_PYTHON", "/usr/bin/python3");
        checked = Kit.run(List.of(python, "scripts/notebooks.py", "execute", "--out", "build/checked",
                "exercises/pooling-exercises.ipynb"), kit, Map.of("JUPYTER_PATH", kit.resolve(".jupyter").toString()), 10);
        // The same notebook of wrong answers, once next to the kit's jar and once next to the instructor's
        // (each in a folder of its own, outside the kit, which the other tests search).
        String wrong = withWrongAnswers(Files.readString(MASTER));
        wrongInTheKit = checkWrongAnswers(wrong, work.resolve("students"), kit.resolve("notebook-jar/target/pooling-lab.jar"),
                kit, python);
        wrongInTheInstructorsKit = checkWrongAnswers(wrong, work.resolve("instructors"), Kit.JAR, Kit.ROOT, python);
    }

    /** Runs the notebook {@code wrong} next to {@code jar}, with the kernel and scripts of the kit in {@code kitFolder}. */
    private static Kit.Ran checkWrongAnswers(String wrong, Path folder, Path jar, Path kitFolder, String python) throws Exception {
        Files.createDirectories(folder.resolve("exercises"));
        Files.createDirectories(folder.resolve("notebook-jar/target"));
        Files.createSymbolicLink(folder.resolve("notebook-jar/target/pooling-lab.jar"), jar);
        Files.writeString(folder.resolve("exercises/wrong.ipynb"), wrong);
        return Kit.run(List.of(python, kitFolder.resolve("scripts/notebooks.py").toString(), "execute", "--out",
                folder.resolve("checked").toString(), folder.resolve("exercises/wrong.ipynb").toString()), kitFolder,
                Map.of("JUPYTER_PATH", kitFolder.resolve(".jupyter").toString()), 10);
    }

    /** The master with the first wrong answer of the grader's answer bank in each exercise's answer cell. */
    private static String withWrongAnswers(String master) throws IOException {
        JsonObject notebook = JsonParser.parseString(master).getAsJsonObject();
        Path bank = Kit.ROOT.resolve("grader/src/test/resources/answer-bank/wrong");
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            Matcher tag = Pattern.compile("\"answer:([a-z0-9-]+)\"").matcher(cell.getAsJsonObject("metadata").toString());
            if (tag.find() && Files.isDirectory(bank.resolve(tag.group(1)))) {
                try (Stream<Path> wrong = Files.list(bank.resolve(tag.group(1)))) {
                    cell.addProperty("source", Files.readString(wrong.sorted().findFirst().orElseThrow()));
                }
            }
        }
        return notebook.toString();
    }

    @Test
    void itsChecksGiveTheSameHintsAsTheInstructorsKit() throws IOException {
        assertEquals(0, wrongInTheKit.status(), wrongInTheKit.output());
        assertEquals(0, wrongInTheInstructorsKit.status(), wrongInTheInstructorsKit.output());
        Map<String, String> inTheKit = checkReports(work.resolve("students/checked/wrong.ipynb"));
        Map<String, String> inTheInstructorsKit = checkReports(work.resolve("instructors/checked/wrong.ipynb"));
        assertEquals(Exercises.ALL.size(), inTheKit.size());
        assertEquals(inTheInstructorsKit, inTheKit, "a check cell reports otherwise in the student kit");
        long hints = inTheKit.values().stream().filter(report -> report.contains("Likely mistake: ")).count();
        assertTrue(hints >= 7, "the wrong answers get their hints in the student kit too (" + hints + " check cells):\n"
                + String.join("\n", inTheKit.values()));
    }

    /** Each check cell's report, by its tag. */
    private static Map<String, String> checkReports(Path executed) throws IOException {
        Map<String, String> reports = new LinkedHashMap<>();
        for (JsonElement element : JsonParser.parseString(Files.readString(executed)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            Matcher tag = Pattern.compile("\"(check:[a-z0-9-]+)\"").matcher(cell.getAsJsonObject("metadata").toString());
            if (tag.find()) {
                reports.put(tag.group(1), cell.getAsJsonArray("outputs").toString());
            }
        }
        return reports;
    }

    @Test
    void holdsWhatStudentsNeedAndNothingOfTheInstructors() throws Exception {
        for (String needed : List.of("lab", "README.md", "pom.xml", "exercises/pooling-exercises.ipynb", "lesson-lib/pom.xml",
                "grader/src/main/java/org/poolinglab/exercises/Check.java", "notebook-jar/pom.xml", "scripts/notebooks.py",
                "package.json")) {
            assertTrue(Files.exists(kit.resolve(needed)), needed + " is in the kit");
        }
        for (String kept : List.of("solutions", "grader/src/test", "grader/release", "notebook-tests", "kit-tests",
                "benchmarks", "browser-tests", ".ci", "scripts/make_class.py")) {
            assertFalse(Files.exists(kit.resolve(kept)), kept + " stays with the instructor");
        }
        String readme = Files.readString(kit.resolve("README.md"));
        assertTrue(readme.contains("### What is graded in an answer cell"), "the README is the students' one");
        try (Stream<Path> notebooks = Files.list(Kit.ROOT.resolve("notebooks"))) {
            for (Path notebook : notebooks.filter(path -> path.toString().endsWith(".ipynb")).toList()) {
                String name = notebook.getFileName().toString();
                assertTrue(Files.exists(kit.resolve("notebooks").resolve(name)), name + " is in the kit");
                assertTrue(readme.contains("](notebooks/" + name + ")"), "the students' README links " + name);
            }
        }
        for (Exercise exercise : Exercises.ALL) {
            assertTrue(readme.contains("| `" + exercise.id() + "` | ") && readme.contains(" | " + exercise.points() + " |"),
                    "the students' README lists " + exercise.id() + " and its points");
        }
        Kit.Ran help = Kit.run(List.of("./lab", "help"), kit, Map.of(), 1);
        assertFalse(help.output().contains("./lab grade"), help.output());
        Kit.Ran grade = Kit.run(List.of("./lab", "grade", "exercises/pooling-exercises.ipynb", "--out", "graded"), kit, Map.of(), 1);
        assertNotEquals(0, grade.status());
        assertTrue(grade.output().contains("'grade' is for instructors; this is the student kit"), grade.output());
    }

    @Test
    void runsItsLessonNotebooksAndWritesTheSite() {
        assertEquals(0, ran.status(), "./lab run in the student kit:\n" + ran.output());
        assertTrue(Files.exists(kit.resolve("build/site/index.html")), "./lab run wrote the site");
        assertTrue(Files.exists(kit.resolve("build/site/" + lesson.replace(".ipynb", ".html"))), "and the notebook's page");
    }

    @Test
    void runsEveryCheckCellOnTheKernel() throws IOException {
        assertEquals(0, ran.status(), "./lab run set up the kernel and built the jar:\n" + ran.output());
        assertEquals(0, checked.status(), checked.output());
        JsonObject executed = JsonParser.parseString(Files.readString(kit.resolve("build/checked/pooling-exercises.ipynb")))
                .getAsJsonObject();
        int checks = 0;
        for (JsonElement element : executed.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            String outputs = cell.has("outputs") ? cell.getAsJsonArray("outputs").toString() : "";
            assertFalse(outputs.contains("\"output_type\":\"error\""), "a cell failed: " + outputs);
            if (cell.getAsJsonObject("metadata").toString().contains("check:")) {
                checks++;
                assertTrue(outputs.contains("not answered yet") && outputs.contains("Hidden tests worth"), outputs);
            }
        }
        assertEquals(Exercises.ALL.size(), checks, "every exercise's check cell ran");
    }

    @Test
    void holdsNoAnswerOfTheMasterAnywhereNotEvenInItsJars() throws IOException {
        assertEquals(0, ran.status(), "the kit's jar is built first:\n" + ran.output());
        List<String> answers = answerRegions();
        assertFalse(answers.isEmpty());
        Map<String, String> texts = texts(kit);
        assertTrue(texts.keySet().stream().anyMatch(name -> name.contains("pooling-lab.jar!")), "the built jar is searched too");
        for (Map.Entry<String, String> text : texts.entrySet()) {
            String normalised = normalise(text.getValue());
            for (String answer : answers) {
                assertFalse(normalised.contains(answer), text.getKey() + " holds an answer of the master: " + answer);
            }
        }
    }

    @Test
    void holdsNoThreeLinesInARowOfAnAnswerOfTheMaster() throws IOException {
        assertEquals(0, ran.status(), "the kit's jar is built first:\n" + ran.output());
        List<String> runs = new ArrayList<>();
        for (String answer : answerRegionLines()) {
            List<String> lines = answer.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//")).toList();
            for (int i = 0; i + 3 <= lines.size(); i++) {
                List<String> run = lines.subList(i, i + 3);
                if (String.join("", run).replaceAll("[{}()\\s;]", "").length() >= 30) {
                    runs.add(String.join("\n", run));
                }
            }
        }
        assertTrue(runs.size() > 20, "runs to search for: " + runs.size());
        for (Map.Entry<String, String> text : texts(kit).entrySet()) {
            if (text.getKey().endsWith(".class")) {
                continue;
            }
            String lines = String.join("\n", text.getValue().lines().map(String::strip).filter(line -> !line.isEmpty()
                    && !line.startsWith("//")).toList());
            for (String run : runs) {
                assertFalse(lines.contains(run), text.getKey() + " holds three lines of a master's answer:\n" + run);
            }
        }
    }

    @Test
    void holdsNoHiddenTestInAnyFormNotEvenInItsJars() throws IOException, NoSuchFieldException {
        assertEquals(0, ran.status(), "the kit's jar is built first:\n" + ran.output());
        List<GradedTest> hidden = Exercises.ALL.stream().flatMap(exercise -> GradedTest.of(exercise).stream())
                .filter(GradedTest::hidden).toList();
        assertFalse(hidden.isEmpty());
        Map<String, String> texts = texts(kit);
        for (Map.Entry<String, String> text : texts.entrySet()) {
            boolean classFile = text.getKey().endsWith(".class");
            boolean gradedTests = text.getKey().contains("org/poolinglab/grading/tests/");
            for (GradedTest test : hidden) {
                // A name counts as a whole string: in quotes in a source, or a whole constant in a class file.
                assertFalse(text.getValue().contains(classFile ? constant(test.name()) : "\"" + test.name() + "\""),
                        text.getKey() + " names the hidden test '" + test.name() + "'");
                String method = test.method().getName();
                assertFalse(gradedTests && text.getValue().contains(classFile ? constant(method) : "void " + method + "("),
                        text.getKey() + " holds the hidden test method " + test.testId());
            }
        }
        List<Mistake> hiddenMistakes = new ArrayList<>();
        for (Mistake mistake : Mistake.values()) {
            if (Mistake.class.getField(mistake.name()).isAnnotationPresent(Hidden.class)) {
                hiddenMistakes.add(mistake);
            }
        }
        assertFalse(hiddenMistakes.isEmpty());
        for (Map.Entry<String, String> text : texts.entrySet()) {
            boolean classFile = text.getKey().endsWith(".class");
            for (Mistake mistake : hiddenMistakes) {
                // Its words would give a hidden test's answer away.
                assertFalse(text.getValue().contains(classFile ? constant(mistake.label()) : "\"" + mistake.label() + "\""),
                        text.getKey() + " holds the hidden mistake " + mistake);
            }
        }
        for (Exercise exercise : Exercises.ALL) {
            String source = texts.get("grader/src/main/java/" + exercise.tests().getName().replace('.', '/') + ".java");
            for (GradedTest test : GradedTest.of(exercise)) {
                assertEquals(!test.hidden(), Pattern.compile("\\bvoid " + test.method().getName() + "\\(").matcher(source).find(),
                        test.testId() + " is in the kit exactly when it is public");
            }
        }
    }

    @Test
    void startsJupyterWithTheJavaKernel() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process jupyter = new ProcessBuilder("./lab", "notebook", "--port=" + port).directory(kit.toFile())
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(jupyter.getInputStream(), lines));
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher address = null;
            StringBuilder log = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (address == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    log.append(line).append('\n');
                    Matcher matcher = Pattern.compile("http://127\\.0\\.0\\.1:" + port + "/\\S*token=([0-9a-f]+)").matcher(line);
                    address = matcher.find() ? matcher : null;
                }
            }
            if (address == null) {
                fail("./lab notebook printed no address within 3 minutes:\n" + log);
            }
            HttpResponse<String> kernels = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/kernelspecs?token=" + address.group(1)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, kernels.statusCode(), kernels.body());
            JsonObject specs = JsonParser.parseString(kernels.body()).getAsJsonObject().getAsJsonObject("kernelspecs");
            assertTrue(specs.has("java"), "Jupyter offers the Java kernel: " + specs.keySet());
            assertTrue(specs.getAsJsonObject("java").getAsJsonObject("resources").toString().contains("kernel.json")
                    || specs.getAsJsonObject("java").has("spec"), specs.toString());
        } finally {
            jupyter.descendants().forEach(ProcessHandle::destroy);
            jupyter.destroy();
            if (!jupyter.waitFor(30, TimeUnit.SECONDS)) {
                jupyter.destroyForcibly();
            }
        }
    }

    /** The master's answers as written, line by line: the text between each {@code // BEGIN SOLUTION} and {@code // END SOLUTION}. */
    private static List<String> answerRegionLines() throws IOException {
        List<String> regions = new ArrayList<>();
        for (String source : cellSources(Files.readString(MASTER))) {
            Matcher region = Pattern.compile("// BEGIN SOLUTION\\n(.*?)// END SOLUTION", Pattern.DOTALL).matcher(source);
            while (region.find()) {
                regions.add(region.group(1));
            }
        }
        return regions;
    }

    /** The master's answers: the text between each {@code // BEGIN SOLUTION} and {@code // END SOLUTION}. */
    private static List<String> answerRegions() throws IOException {
        List<String> regions = new ArrayList<>();
        for (String source : cellSources(Files.readString(MASTER))) {
            Matcher region = Pattern.compile("// BEGIN SOLUTION\\n(.*?)// END SOLUTION", Pattern.DOTALL).matcher(source);
            while (region.find()) {
                regions.add(normalise(region.group(1)));
            }
        }
        return regions;
    }

    /**
     * The text of every file under {@code folder}, by path; a jar or zip is opened and each entry read the
     * same way ("a.jar!b/C.class"); a notebook is read as its cells' sources, joined.
     */
    private static Map<String, String> texts(Path folder) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString();
                try (InputStream in = Files.newInputStream(file)) {
                    read(name, in, texts);
                }
            }
        }
        return texts;
    }

    private static void read(String name, InputStream in, Map<String, String> texts) throws IOException {
        if (name.endsWith(".jar") || name.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    read(name + "!" + entry.getName(), zip, texts);
                }
            }
            return;
        }
        String text = new String(in.readAllBytes(), name.endsWith(".class") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        texts.put(name, name.endsWith(".ipynb") ? String.join("\n", cellSources(text)) + "\n" + text : text);
    }

    private static List<String> cellSources(String notebookJson) {
        try {
            return JsonParser.parseString(notebookJson).getAsJsonObject().getAsJsonArray("cells").asList().stream()
                    .map(cell -> cell.getAsJsonObject().get("source"))
                    .map(source -> source.isJsonArray() ? source.getAsJsonArray().asList().stream()
                            .map(JsonElement::getAsString).collect(Collectors.joining()) : source.getAsString())
                    .toList();
        } catch (RuntimeException e) {
            return Collections.emptyList(); // not a notebook after all: its raw text is searched
        }
    }

    /** A string as a class file's constant pool holds it (tag 1, its length, its UTF-8 bytes), read as ISO-8859-1. */
    private static String constant(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new String(new byte[] {1, (byte) (bytes.length >> 8), (byte) bytes.length}, StandardCharsets.ISO_8859_1)
                + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static void read(InputStream output, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output unreadable: " + e.getMessage() + ")");
        }
    }
}
