package org.poolinglab.grading;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/**
 * The test JVM's entry point ({@link Sandbox} starts it): installs the compiled answers, runs the
 * graded tests and reports every step as a JSON line in an events file of its own, so the grader never
 * reads what the answers print. Arguments: events file, folder of compiled answers, exercise ids
 * (comma-separated), test ids to skip (comma-separated, may be empty); or {@code --batch FILE} with
 * those four, tab-separated, on each line of FILE.
 */
public final class SandboxMain {

    /** Exit status asking the grader to start a fresh JVM for the tests left (after a test timed out). */
    static final int RESTART = 42;

    private static Writer events;
    private static boolean leftThreadsBehind;

    private SandboxMain() {
    }

    public static void main(String[] args) throws IOException {
        // What answers print outside a test goes nowhere big; GradedRun captures what they print in a test.
        PrintStream quiet = new CappedPrintStream(new CappedOutput(GradedRun.OUTPUT_LIMIT));
        System.setOut(quiet);
        System.setErr(quiet);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> event("shutdown", "")));
        if (args[0].equals("--batch")) {
            // One submission after another, each in a class loader of its own: line = the four arguments, tab-separated.
            for (String job : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
                String[] fields = job.split("\t", -1);
                runJob(fields[0], fields[1], fields[2], fields[3]);
                if (leftThreadsBehind) {
                    System.exit(RESTART); // they would slow the next submissions down: the grader takes over
                }
            }
        } else {
            runJob(args[0], args[1], args[2], args.length > 3 ? args[3] : "");
        }
        System.exit(0);
    }

    /**
     * Grades one submission: its compiled answers in {@code classes}, its events into {@code eventsFile}.
     */
    private static void runJob(String eventsFile, String classes, String exerciseIds, String skipIds) throws IOException {
        if (events != null) {
            events.close();
        }
        events = new OutputStreamWriter(new FileOutputStream(eventsFile, true), StandardCharsets.UTF_8);
        Set<String> skip = new HashSet<>(skipIds.isEmpty() ? List.of() : Arrays.asList(skipIds.split(",")));
        try (URLClassLoader answers = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()},
                SandboxMain.class.getClassLoader())) {
            List<Exercise> exercises = new ArrayList<>();
            for (String id : exerciseIds.split(",")) {
                Exercise exercise = Exercises.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown exercise " + id));
                if (GradedTest.of(exercise).stream().allMatch(test -> skip.contains(test.testId()))) {
                    continue;
                }
                event("install", field("exercise", id));
                try {
                    install(exercise, answers);
                    exercises.add(exercise);
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
                    for (GradedTest test : GradedTest.of(exercise)) {
                        if (!skip.contains(test.testId())) {
                            result(TestOutcome.failed(test, "creating the answer failed: " + GradedRun.describe(cause)));
                        }
                    }
                }
            }
            GradedRun run = new GradedRun(true, skip, SandboxMain::started, SandboxMain::finished);
            exercises.forEach(exercise -> run.run(List.of(exercise))); // one by one, in the order the grader asks
        }
        event("done", "");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void install(Exercise exercise, ClassLoader answers) throws ReflectiveOperationException {
        Class<?> submission = Class.forName(AnswerCompiler.className(exercise.id()), true, answers);
        Object answer = submission.getMethod("answer").invoke(null);
        Submitted.install((Class) exercise.answerType(), answer);
    }

    private static void started(GradedTest test) {
        event("start", field("test", test.testId()));
    }

    private static void finished(TestOutcome outcome) {
        result(outcome);
        leftThreadsBehind |= GradedRun.leftSomethingRunning(outcome);
        if (GradedRun.tookTooLong(outcome)) {
            // The runaway thread cannot be stopped: let a fresh JVM run the tests that are left.
            event("restart", "");
            System.exit(RESTART);
        }
    }

    private static void result(TestOutcome outcome) {
        event("result", field("exercise", outcome.exercise()) + field("testId", outcome.testId())
                + field("name", outcome.name()) + "\"points\":" + outcome.points() + ",\"hidden\":" + outcome.hidden()
                + ",\"passed\":" + outcome.passed() + "," + field("message", outcome.message())
                + field("output", outcome.output()) + field("mistake", outcome.mistake()) + "\"printed\":" + outcome.printed() + ",");
    }

    /** {@code "name":"value",} with the value escaped for JSON (written by hand: this JVM starts fast without Gson). */
    private static String field(String name, String value) {
        StringBuilder text = new StringBuilder("\"").append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append("\",").toString();
    }

    /** One line: {@code {<fields>"event":"<type>"}}. */
    private static synchronized void event(String type, String fields) {
        try {
            events.write("{" + fields + "\"event\":\"" + type + "\"}\n");
            events.flush();
        } catch (IOException e) {
            // Nowhere left to report to; the grader treats the missing events as a crash.
        }
    }
}
