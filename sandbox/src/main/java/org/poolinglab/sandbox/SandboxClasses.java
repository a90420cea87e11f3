package org.poolinglab.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poolinglab.exercises.MapPair;
import org.poolinglab.exercises.MovedMap;
import org.poolinglab.exercises.PoolDesign;
import org.poolinglab.exercises.PoolingChoice;
import org.poolinglab.exercises.PoolingTask;
import org.poolinglab.exercises.Shift;

/**
 * Everything the untrusted JVM holds besides a student's answers: the runner and the exercises' own
 * types. The grader writes these class files into a folder of their own, which is then both what the
 * answers compile against and the untrusted JVM's class path: an answer can use the Java platform and
 * these types, and nothing else.
 */
public final class SandboxClasses {

    /** The runner and what it uses. */
    public static final List<Class<?>> RUNNER = List.of(AnswerRunner.class, Frames.class, Wire.class,
            CappedOutput.class, CappedPrintStream.class, SandboxClasses.class);
    /** The types an exercise's signature may use, besides the Java platform's. */
    public static final List<Class<?>> EXERCISE_TYPES = List.of(PoolingChoice.class, PoolingTask.class, Shift.class,
            MapPair.class, MovedMap.class, PoolDesign.class);

    private SandboxClasses() {
    }

    /** Writes the class files of {@link #RUNNER} and {@link #EXERCISE_TYPES}, nested classes included, into {@code folder}. */
    public static void write(Path folder) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : concat(RUNNER, EXERCISE_TYPES)) {
            classes.addAll(List.of(type.getNestMembers()));
        }
        for (Class<?> type : classes) {
            String file = type.getName().replace('.', '/') + ".class";
            try (InputStream bytes = type.getClassLoader().getResourceAsStream(file)) {
                if (bytes == null) {
                    throw new IOException("the class file of " + type.getName() + " is missing from the class path");
                }
                Path target = folder.resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, bytes.readAllBytes());
            }
        }
    }

    private static List<Class<?>> concat(List<Class<?>> first, List<Class<?>> second) {
        List<Class<?>> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
