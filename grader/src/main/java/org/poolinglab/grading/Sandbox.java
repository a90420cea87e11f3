package org.poolinglab.grading;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.poolinglab.exercises.Exercise;

/**
 * Runs compiled answers' graded tests in a separate JVM with a heap limit and a time limit, and turns
 * whatever happens there (an exception, an endless loop, {@code System.exit}, {@code Runtime.halt}, running
 * out of memory, a crash) into test outcomes: the test that caused it fails with a message saying what
 * happened, and a fresh JVM runs the tests that are left, so the other tests keep their points.
 */
public final class Sandbox {

    /**
     * The limits for one submission.
     *
     * @param timeLimit    wall-clock time for all of a submission's tests, JVM restarts included
     * @param heapMegabytes the test JVM's heap
     */
    public record Limits(Duration timeLimit, int heapMegabytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 256);
    }

    private static final Gson GSON = new Gson();
    private static final int OOM_EXIT = 3; // the status -XX:+ExitOnOutOfMemoryError exits with

    private Sandbox() {
    }

    /**
     * Runs every graded test of {@code exercises} (all compiled into {@code classes}) and returns one
     * outcome per test, in exercise order.
     */
    public static List<TestOutcome> run(List<Exercise> exercises, Path classes, Path workDir, String classpath, Limits limits) {
        Map<String, GradedTest> pending = new LinkedHashMap<>();
        exercises.forEach(exercise -> GradedTest.of(exercise).forEach(test -> pending.put(test.testId(), test)));
        Map<String, TestOutcome> done = new LinkedHashMap<>();
        // The exercise whose test ended a JVM runs last in the next one: if it does that again, it uses
        // up its own share of the time limit, not the other exercises'.
        List<Exercise> order = new ArrayList<>(exercises);
        long deadline = System.nanoTime() + limits.timeLimit().toNanos();
        int maxRuns = pending.size() + exercises.size() + 2;
        for (int run = 0; run < maxRuns && done.size() < pending.size(); run++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Path events = workDir.resolve("events-" + run + ".jsonl");
            Exit exit = launch(order, done, events, workDir, classes, classpath, limits, left);
            Events seen = Events.read(events);
            seen.results().forEach(outcome -> done.putIfAbsent(outcome.testId(), outcome));
            if (!seen.finished() && seen.lastStarted() != null) {
                String offender = pending.get(seen.lastStarted()).exercise();
                order.sort(java.util.Comparator.comparing(exercise -> exercise.id().equals(offender)));
            }
            if (seen.finished() || (exit.status() == SandboxMain.RESTART && seen.restartRequested())) {
                continue;
            }
            String culprit = seen.runningTest(done.keySet());
            String why = exit.timedOut() ? "did not finish before the submission's " + limits.timeLimit().toSeconds()
                    + " s ran out" : explain(exit.status(), seen.shutdownHookRan(), workDir.resolve("jvm-output.txt"), limits);
            if (culprit != null) {
                done.put(culprit, TestOutcome.failed(pending.get(culprit), why));
            } else if (seen.installing() != null) {
                for (GradedTest test : pending.values()) {
                    if (test.exercise().equals(seen.installing()) && !done.containsKey(test.testId())) {
                        done.put(test.testId(), TestOutcome.failed(test, "creating the answer " + why));
                    }
                }
            } else {
                String failure = seen.nothingReported()
                        ? "the test JVM did not start: " + firstLine(workDir.resolve("jvm-output.txt"))
                        : "the test JVM ended unexpectedly: " + why;
                pending.values().stream().filter(test -> !done.containsKey(test.testId()))
                        .forEach(test -> done.put(test.testId(), TestOutcome.failed(test, failure)));
                break;
            }
            if (exit.timedOut()) {
                break;
            }
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        for (GradedTest test : pending.values()) {
            outcomes.add(done.getOrDefault(test.testId(), TestOutcome.failed(test,
                    "not run: the submission's " + limits.timeLimit().toSeconds() + " s ran out before this test")));
        }
        return outcomes;
    }

    /** One submission's part of a batch: its compiled answers, its own folder, the exercises that compiled. */
    public record Job(Path classes, Path workDir, List<Exercise> exercises) {
    }

    /**
     * Runs several submissions' tests in one JVM, one after another, each in a class loader of its own:
     * the JVM's start-up cost is paid once. A submission whose run did not finish cleanly there (a crash,
     * a timeout, a thread left running), and every one after it, is graded again on its own by
     * {@link #run}, which deals with whatever it does.
     *
     * @return each job's outcomes, in job order
     */
    public static List<List<TestOutcome>> runBatch(List<Job> jobs, String classpath, Limits limits) {
        List<String> lines = new ArrayList<>();
        for (Job job : jobs) {
            lines.add(String.join("\t", job.workDir().resolve("batch-events.jsonl").toString(), job.classes().toString(),
                    String.join(",", job.exercises().stream().map(Exercise::id).toList()), ""));
        }
        Path first = jobs.get(0).workDir();
        try {
            Files.write(first.resolve("batch-jobs.txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = javaCommand(classpath, limits);
        command.addAll(List.of("--batch", first.resolve("batch-jobs.txt").toString()));
        execute(command, first, limits.timeLimit().toNanos());
        List<List<TestOutcome>> results = new ArrayList<>();
        boolean clean = true;
        for (Job job : jobs) {
            List<GradedTest> tests = job.exercises().stream().flatMap(exercise -> GradedTest.of(exercise).stream()).toList();
            Events seen = Events.read(job.workDir().resolve("batch-events.jsonl"));
            Map<String, TestOutcome> byTest = new LinkedHashMap<>();
            seen.results().forEach(outcome -> byTest.putIfAbsent(outcome.testId(), outcome));
            clean = clean && seen.finished() && byTest.size() == tests.size()
                    && byTest.values().stream().noneMatch(GradedRun::leftSomethingRunning);
            results.add(clean ? tests.stream().map(test -> byTest.get(test.testId())).toList()
                    : run(job.exercises(), job.classes(), job.workDir(), classpath, limits));
        }
        return results;
    }

    private static String explain(int status, boolean shutdownHookRan, Path jvmOutput, Limits limits) {
        if (shutdownHookRan) {
            return "called System.exit(" + status + "), which ends the program; return a value instead";
        }
        // -XX:+ExitOnOutOfMemoryError ends the JVM at once too, with status 3, after saying why.
        if (status == OOM_EXIT && firstLine(jvmOutput).contains("OutOfMemoryError")) {
            return "ran out of memory (the heap is limited to " + limits.heapMegabytes() + " MB)";
        }
        return "stopped the JVM at once (Runtime.halt(" + status + ") or a crash); return a value instead";
    }

    private static String firstLine(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().findFirst().orElse("(no output)") : "(no output)";
        } catch (IOException | UncheckedIOException e) {
            return "(its output cannot be read)";
        }
    }

    private record Exit(int status, boolean timedOut) {
    }

    private static Exit launch(List<Exercise> exercises, Map<String, TestOutcome> done, Path events, Path workDir,
                               Path classes, String classpath, Limits limits, long nanosLeft) {
        List<String> command = javaCommand(classpath, limits);
        command.addAll(List.of(events.toString(), classes.toString(),
                String.join(",", exercises.stream().map(Exercise::id).toList()), String.join(",", done.keySet())));
        return execute(command, workDir, nanosLeft);
    }

    /** The test JVM: small heap, quick start, no windows. */
    private static List<String> javaCommand(String classpath, Limits limits) {
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss2m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-cp", classpath, SandboxMain.class.getName()));
    }

    private static Exit execute(List<String> command, Path workDir, long nanosLeft) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("jvm-output.txt").toFile())
                    .start();
            if (!process.waitFor(nanosLeft, TimeUnit.NANOSECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Exit(-1, true);
            }
            return new Exit(process.exitValue(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading", e);
        }
    }

    /** What a test JVM reported in its events file. */
    private record Events(List<TestOutcome> results, List<String> started, String installing, boolean finished,
                          boolean restartRequested, boolean shutdownHookRan) {

        static Events read(Path file) {
            List<TestOutcome> results = new ArrayList<>();
            List<String> started = new ArrayList<>();
            String installing = null;
            boolean finished = false;
            boolean restart = false;
            boolean shutdown = false;
            List<String> lines;
            try {
                lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines) {
                JsonObject event;
                try {
                    event = JsonParser.parseString(line).getAsJsonObject();
                } catch (RuntimeException e) {
                    continue; // a line cut short by a crash
                }
                switch (event.get("event").getAsString()) {
                    case "result" -> results.add(GSON.fromJson(event, TestOutcome.class));
                    case "start" -> {
                        started.add(event.get("test").getAsString());
                        installing = null;
                    }
                    case "install" -> installing = event.get("exercise").getAsString();
                    case "done" -> finished = true;
                    case "restart" -> restart = true;
                    case "shutdown" -> shutdown = true;
                    default -> { }
                }
            }
            boolean installFinished = !started.isEmpty() || !results.isEmpty();
            return new Events(results, started, installFinished ? null : installing, finished, restart, shutdown);
        }

        String lastStarted() {
            return started.isEmpty() ? null : started.get(started.size() - 1);
        }

        boolean nothingReported() {
            return results.isEmpty() && started.isEmpty() && installing == null && !finished && !shutdownHookRan;
        }

        /** The test that was running when the JVM ended: started, without a result. */
        String runningTest(java.util.Set<String> known) {
            for (int i = started.size() - 1; i >= 0; i--) {
                if (!known.contains(started.get(i))) {
                    return started.get(i);
                }
            }
            return null;
        }
    }
}
