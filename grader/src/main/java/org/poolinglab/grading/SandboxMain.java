package org.poolinglab.grading;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
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
 * reads what the answers print. Arguments: events file, exercise ids (comma-separated), test ids to
 * skip (comma-separated, may be empty).
 */
public final class SandboxMain {

    /** Exit status asking the grader to start a fresh JVM for the tests left (after a test timed out). */
    static final int RESTART = 42;

    private static final Gson GSON = new Gson();
    private static Writer events;

    private SandboxMain() {
    }

    public static void main(String[] args) throws IOException {
        events = new OutputStreamWriter(new FileOutputStream(args[0], true), StandardCharsets.UTF_8);
        List<String> ids = Arrays.asList(args[1].split(","));
        Set<String> skip = new HashSet<>(args.length > 2 && !args[2].isEmpty() ? Arrays.asList(args[2].split(",")) : List.of());
        // What answers print outside a test goes nowhere big; GradedRun captures what they print in a test.
        PrintStream quiet = new PrintStream(new CappedOutput(GradedRun.OUTPUT_LIMIT), true, StandardCharsets.UTF_8);
        System.setOut(quiet);
        System.setErr(quiet);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> event("shutdown", new JsonObject())));

        List<Exercise> exercises = new ArrayList<>();
        for (String id : ids) {
            Exercise exercise = Exercises.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown exercise " + id));
            if (GradedTest.of(exercise).stream().allMatch(test -> skip.contains(test.testId()))) {
                continue;
            }
            JsonObject installing = new JsonObject();
            installing.addProperty("exercise", id);
            event("install", installing);
            try {
                install(exercise);
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
        new GradedRun(true, skip, SandboxMain::started, SandboxMain::finished).run(exercises);
        event("done", new JsonObject());
        System.exit(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void install(Exercise exercise) throws ReflectiveOperationException {
        Class<?> submission = Class.forName(AnswerCompiler.className(exercise.id()));
        Object answer = submission.getMethod("answer").invoke(null);
        Submitted.install((Class) exercise.answerType(), answer);
    }

    private static void started(GradedTest test) {
        JsonObject start = new JsonObject();
        start.addProperty("test", test.testId());
        event("start", start);
    }

    private static void finished(TestOutcome outcome) {
        result(outcome);
        if (outcome.message().startsWith("took longer than")) {
            // The runaway thread cannot be stopped: let a fresh JVM run the tests that are left.
            event("restart", new JsonObject());
            System.exit(RESTART);
        }
    }

    private static void result(TestOutcome outcome) {
        event("result", GSON.toJsonTree(outcome).getAsJsonObject());
    }

    private static synchronized void event(String type, JsonObject event) {
        try {
            event.addProperty("event", type);
            events.write(GSON.toJson(event) + "\n");
            events.flush();
        } catch (IOException e) {
            // Nowhere left to report to; the grader treats the missing events as a crash.
        }
    }
}
