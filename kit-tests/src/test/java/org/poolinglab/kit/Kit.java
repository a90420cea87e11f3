package org.poolinglab.kit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The project, its kit jar, and commands run as a user would run them. */
final class Kit {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("notebook-jar/target/pooling-lab.jar");

    /** What a command printed (stdout and stderr together) and how it exited. */
    record Ran(int status, String output) {
    }

    private Kit() {
    }

    /** Runs {@code command} in {@code folder} with {@code environment} added; fails the test after {@code minutes}. */
    static Ran run(List<String> command, Path folder, Map<String, String> environment, long minutes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e.getMessage()).append(')');
            }
        });
        reader.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + minutes + " minutes");
        }
        reader.join();
        return new Ran(process.exitValue(), output.toString());
    }

    /** {@code java -cp <the kit jar> <main class> <arguments>}, as ./lab runs it. */
    static Ran java(Path folder, String mainClass, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", JAR.toString(), mainClass));
        command.addAll(List.of(arguments));
        return run(command, folder, Map.of(), 5);
    }
}
