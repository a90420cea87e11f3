package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/**
 * The attack bank ({@code src/test/resources/attack-bank}): submissions written by a student who has the
 * kit's source and wants more than their answers deserve, or to harm classmates, or to read what is
 * secret. Each file is an answer cell with a header: what it tries, the exercise it attacks, the notebook
 * it goes into ({@code master}: every other answer right; {@code student}: none answered), what the attacked
 * exercise earns ({@code full} when its honest part is a correct answer, else {@code 0}) and, optionally,
 * words its message must hold. A part after a line {@code //// not an answer cell:} goes into a cell of
 * its own that is not an answer cell. {@code ${MASTER}}, {@code ${MARKER}}, {@code ${OUT}} and {@code ${PORT}}
 * stand for the master notebook, a file on this machine the attack must not be able to write, the
 * grader's output folder and a port this test listens on. Two more attacks are made here: brackets
 * nested 20,000 deep, and 2,000 tiny declarations in one cell.
 *
 * <p>Every attack is graded alone, and all of them together inside a class with honest classmates:
 * each earns exactly what its honest part deserves, no secret shows in any report, nothing written
 * on this machine outside the sandbox, no connection made, nothing left running, every classmate
 * keeps their score, and the class's reports are written.
 */
@Execution(ExecutionMode.CONCURRENT) // its attacks, two at a time,
@Isolated // but with no other test class grading beside it, so what runs at the end is the attacks' own
@DisplayName("The attack bank")
class AttackBankTest {

    static final Path BANK = Path.of("src", "test", "resources", "attack-bank").toAbsolutePath();
    private static final String OTHER_CELL = "//// not an answer cell:";
    private static final List<Path> MARKERS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static ServerSocket server;
    private static volatile long lastGraded;

    /** One attack: its header's fields and its cells. */
    record Attack(String name, String what, String exerciseId, String base, boolean earnsFull, String says, String answer,
                  String otherCell) {

        @Override
        public String toString() {
            return name.replace('-', ' ');
        }

        Exercise exercise() {
            return Exercises.byId(exerciseId).orElseThrow(() -> new IllegalArgumentException(name + ": no exercise " + exerciseId));
        }

        /** Writes the attack's notebook into {@code folder}, as {@code student}.ipynb. */
        Path write(Path folder, String student, Path marker, Path out) throws IOException {
            Map<String, String> values = Map.of("${MASTER}", Submissions.MASTER.toString(), "${MARKER}", marker.toString(),
                    "${OUT}", out.toString(), "${PORT}", String.valueOf(server.getLocalPort()));
            Path base = this.base.equals("master") ? Submissions.MASTER : Submissions.STUDENT;
            Path notebook = Submissions.withAnswer(base, folder, student, exerciseId, fill(answer, values));
            if (otherCell != null) {
                JsonObject json = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
                JsonArray cells = json.getAsJsonArray("cells");
                JsonObject cell = new JsonObject();
                cell.addProperty("cell_type", "code");
                cell.add("metadata", new JsonObject());
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", null);
                cell.addProperty("source", fill(otherCell, values));
                cells.set(2, cell); // in place of the imports cell, before every answer
                Files.writeString(notebook, json.toString());
            }
            MARKERS.add(marker);
            return notebook;
        }

        private static String fill(String text, Map<String, String> values) {
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            return text;
        }
    }

    static List<Attack> bank() {
        List<Attack> attacks = new ArrayList<>();
        try (Stream<Path> files = Files.list(BANK)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                attacks.add(read(file.getFileName().toString().replace(".java", ""), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String nested = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        attacks.add(new Attack("nested-20000-deep", "brackets nested 20,000 deep, once a StackOverflowError in the grader's own "
                + "compiler step", "output-size", "master", false, "deep, more than the 64 levels",
                "int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {\n    return " + nested + ";\n}", null));
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            declarations.append("int f").append(i).append("(){return ").append(i).append(";}\n");
        }
        attacks.add(new Attack("2000-declarations", "2,000 tiny declarations in one cell: 4,000 took the old grader 19 s, and more "
                + "the more there were", "output-size", "master", false, "more than 200 declarations",
                declarations + "int outputSize(int input, int window, int stride, int padding, boolean ceilMode) { return 1; }", null));
        return attacks;
    }

    private static Attack read(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^// (attack|exercise|base|earns|says): (.*)$").matcher(text);
        while (line.find()) {
            header.put(line.group(1), line.group(2).strip());
        }
        String body = text.replaceAll("(?m)^// (attack|exercise|base|earns|says): .*\n", "");
        int split = body.indexOf(OTHER_CELL);
        String answer = split < 0 ? body : body.substring(0, split);
        String other = split < 0 ? null : body.substring(split + OTHER_CELL.length()).strip();
        for (String field : List.of("attack", "exercise", "base", "earns")) {
            if (!header.containsKey(field)) {
                throw new IllegalArgumentException(name + ": the header has no '// " + field + ": ...' line");
            }
        }
        return new Attack(name, header.get("attack"), header.get("exercise"), header.get("base"), header.get("earns").equals("full"),
                header.get("says"), answer, other);
    }

    @BeforeAll
    static void listen() throws IOException {
        assumeTrue(Submissions.canContain(), "the attack bank needs containment, which needs root (as in CI)");
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "attack bank listener");
        accepting.setDaemon(true);
        accepting.start();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bank")
    void aloneItEarnsOnlyWhatItsHonestPartDeserves(Attack attack, @TempDir Path folder) throws IOException {
        Path notebook = attack.write(folder, "attacker", folder.resolve("escaped"), folder.resolve("out"));
        Grade grade = Submissions.GRADER.grade(notebook, "attacker");
        lastGraded = System.nanoTime();
        assertEarnsWhatItDeserves(attack, grade);
    }

    @Test
    void inAClassItLeavesClassmatesTheirScoresAndTheReportsAreWritten(@TempDir Path folder) throws IOException {
        Path submissions = Files.createDirectory(folder.resolve("class"));
        Path out = folder.resolve("graded");
        Files.copy(Submissions.MASTER, submissions.resolve("aaa-honest.ipynb"));
        Files.copy(Submissions.MASTER, submissions.resolve("zzz-honest.ipynb"));
        Files.copy(Submissions.STUDENT, submissions.resolve("mmm-untouched.ipynb"));
        Files.copy(Submissions.MASTER, submissions.resolve("...ipynb")); // a file name that once stopped the whole class
        Map<String, Attack> attacks = new LinkedHashMap<>();
        for (Attack attack : bank()) {
            attack.write(submissions, "attack-" + attack.name(), folder.resolve("escaped-" + attack.name()), out);
            attacks.put("attack-" + attack.name(), attack);
        }

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<ClassGrader.Row> rows = new ClassGrader(Submissions.GRADER, 2, new PrintStream(progress)).grade(submissions, out);
        lastGraded = System.nanoTime();

        Map<String, ClassGrader.Row> byStudent = new LinkedHashMap<>();
        rows.forEach(row -> byStudent.put(row.student(), row));
        for (String honest : List.of("aaa-honest", "zzz-honest", "..")) {
            assertEquals(100, byStudent.get(honest).grade().score(), honest + ":\n" + Reports.table(byStudent.get(honest).grade()));
        }
        assertEquals(0, byStudent.get("mmm-untouched").grade().score());
        attacks.forEach((student, attack) -> assertEarnsWhatItDeserves(attack, byStudent.get(student).grade()));
        for (String report : List.of("gradebook.csv", "summary.md", "item-analysis.csv", "item-analysis.png", "histogram.png",
                "students/_../results.json", "students/aaa-honest/feedback.md")) {
            assertTrue(Files.isRegularFile(out.resolve(report)), report + " is written");
        }
        assertEquals(rows.size() + 1, Files.readAllLines(out.resolve("gradebook.csv")).size(), "a row for every notebook");
        assertFalse(Files.exists(out.resolve("results.json")), "the notebook named ... stays in its own folder");
    }

    /**
     * The protections are what stops the attacks: graded without containment, an answer writes a file on
     * this machine, connects to it, and reads the master into its message.
     */
    @Test
    void withoutContainmentTheSameAttacksSucceed(@TempDir Path folder) throws Exception {
        Path marker = folder.resolve("written-by-an-answer");
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.Future<Boolean> connected = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> {
                try (Socket ignored = listening.accept()) {
                    return true;
                }
            });
            Path notebook = Submissions.withAnswer(folder, "uncontained", "max-pool", """
                double[][] maxPool(double[][] x, int window, int stride) {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "escaped");
                        new java.net.Socket("127.0.0.1", %d).close();
                        String master = java.nio.file.Files.readString(java.nio.file.Path.of("%s"));
                        throw new IllegalStateException(master.substring(master.indexOf("BEGIN SOLUTION"), master.indexOf("BEGIN SOLUTION") + 20));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    }""".formatted(marker, listening.getLocalPort(), Submissions.MASTER));
            Grade grade = SubmissionGrader.uncontained(Submissions.LIMITS).grade(notebook, "uncontained");
            assertTrue(grade.contained().startsWith("NOT contained"), grade.contained());
            assertTrue(Files.exists(marker), "without containment the answer wrote " + marker);
            assertTrue(Reports.feedback(grade).contains("BEGIN SOLUTION"), "without containment the answer read the master");
            assertTrue(connected.get(5, java.util.concurrent.TimeUnit.SECONDS), "without containment the answer connected");
        }
    }

    /** The attacked exercise earns what its honest part deserves and says why; every other exercise what its base gives. */
    private static void assertEarnsWhatItDeserves(Attack attack, Grade grade) {
        String table = attack + ":\n" + Reports.table(grade);
        Exercise attacked = attack.exercise();
        assertEquals(attack.earnsFull() ? grade.maxScore(attacked) : 0, grade.score(attacked), table);
        for (Exercise exercise : Exercises.ALL) {
            if (exercise != attacked) {
                assertEquals(attack.base().equals("master") ? grade.maxScore(exercise) : 0, grade.score(exercise),
                        exercise.id() + ", which the attack does not answer itself:\n" + table);
            }
        }
        if (attack.says() != null) {
            assertTrue(grade.outcomes(attacked).stream().anyMatch(outcome -> outcome.message().contains(attack.says())),
                    "the message says '" + attack.says() + "':\n" + table + grade.outcomes(attacked));
        }
        String reports = Reports.resultsJson(grade) + Reports.feedback(grade) + Reports.table(grade);
        for (String secret : List.of("BEGIN SOLUTION", "pooling-lab-grade-", "@Hidden", System.getenv().getOrDefault("PATH", "@Hidden"))) {
            assertFalse(reports.contains(secret), attack + ": a report shows '" + secret + "'");
        }
        assertTrue(grade.contained().startsWith("contained:"), grade.contained());
        assertFeedbackHasNoTextOfTheAttacksOutsideItsCodeBlocks(attack, Reports.feedback(grade));
    }

    /** Outside its code blocks, feedback.md holds only the grader's words: no link, no picture, no HTML, no "instructor note". */
    private static void assertFeedbackHasNoTextOfTheAttacksOutsideItsCodeBlocks(Attack attack, String feedback) {
        String fence = null;
        for (String line : feedback.split("\n")) {
            String stripped = line.strip();
            if (fence == null) {
                Matcher opening = Pattern.compile("^(`{3,}|~{3,}).*$").matcher(stripped);
                if (opening.matches()) {
                    fence = opening.group(1);
                    continue;
                }
                for (String forbidden : List.of("http", "<script", "</pre", "Instructor note")) {
                    assertFalse(line.contains(forbidden), attack + ": '" + forbidden + "' outside a code block of feedback.md:\n"
                            + line + "\n\n" + feedback);
                }
            } else if (stripped.matches(Pattern.quote(fence.substring(0, 1)) + "{" + fence.length() + ",}")) {
                fence = null;
            }
        }
        assertEquals(null, fence, "every code block of feedback.md is closed");
    }

    @AfterAll
    static void nothingEscapedAndNothingIsLeftRunning() throws Exception {
        if (server == null) {
            return;
        }
        // An attack starts a process that writes 4 s later: wait for it to have had its chance.
        long waited = System.nanoTime() - lastGraded;
        Thread.sleep(Math.max(0, 6000 - waited / 1_000_000));
        server.close();
        assertEquals(0, CONNECTIONS.get(), "no attack connected to this machine");
        for (Path marker : MARKERS) {
            assertFalse(Files.exists(marker), "an attack wrote " + marker + " on this machine");
        }
        List<String> left = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String uid = Files.readAllLines(process.resolve("status")).stream().filter(line -> line.startsWith("Uid:"))
                            .findFirst().orElse("Uid: 0").split("\\s+")[1];
                    long id = Long.parseLong(uid);
                    if (id >= Containment.FIRST_UID && id < Containment.FIRST_UID + Containment.UIDS) {
                        left.add(process.getFileName() + " " + Files.readString(process.resolve("cmdline")).replace('\0', ' '));
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        }
        assertEquals(List.of(), left, "no process of a sandbox's user outlives grading");
    }
}
