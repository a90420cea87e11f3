package org.poolinglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/**
 * A notebook's answers compiled as grading compiles them and loaded into this JVM, for a notebook the
 * grader trusts: the master, whose answers the student release records mistakes with, and the tests
 * compare other answers with. Never for a student's notebook: those run in a {@link Sandbox}.
 */
final class TrustedAnswers implements AutoCloseable {

    private final URLClassLoader loader;

    private TrustedAnswers(URLClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Compiles the answer cells of {@code notebook} into {@code workDir}.
     *
     * @throws IllegalStateException when an answer does not compile
     */
    static TrustedAnswers of(Path notebook, Path workDir) {
        AnswerCompiler.Compiled compiled = AnswerCompiler.compile(NotebookSubmission.read(notebook), Exercises.ALL, workDir,
                SubmissionGrader.runnerClasses(), SubmissionGrader.currentClasspath());
        if (!compiled.problems().isEmpty()) {
            throw new IllegalStateException(notebook + " has answers that do not compile: " + compiled.problems());
        }
        try {
            return new TrustedAnswers(new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()},
                    TrustedAnswers.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to {@code exercise}, as its answer type, for the graded tests. */
    Object answer(Exercise exercise) {
        Method signature = AnswerCompiler.signature(exercise);
        Method entry;
        try {
            entry = loader.loadClass(AnswerCompiler.className(exercise.id()))
                    .getMethod(RemoteAnswers.ENTRY, signature.getParameterTypes());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no answer to " + exercise.id(), e);
        }
        return Proxy.newProxyInstance(exercise.answerType().getClassLoader(), new Class<?>[] {exercise.answerType()},
                (proxy, method, arguments) -> {
                    if (!method.equals(signature)) {
                        return method.invoke(entry, arguments);
                    }
                    try {
                        return entry.invoke(null, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Every exercise's answer, by answer type. */
    Map<Class<?>, Object> answers() {
        Map<Class<?>, Object> answers = new LinkedHashMap<>();
        Exercises.ALL.forEach(exercise -> answers.put(exercise.answerType(), answer(exercise)));
        return answers;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
