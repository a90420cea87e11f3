package org.poolinglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.poolinglab.exercises.Exercise;

/**
 * Compiles each exercise's answer cells on their own, into a class {@code Submission_<id>} whose
 * {@code answer()} hands the answer method over as the exercise's answer type. A broken exercise
 * never stops the others from compiling. Errors point at the notebook cell and line.
 */
public final class AnswerCompiler {

    /** javac's file manager caches the opened class path; one per grading thread saves reopening it for every answer. */
    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGERS = ThreadLocal.withInitial(
            () -> ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));

    private static final List<String> DEFAULT_IMPORTS = List.of("import java.util.*;", "import org.poolinglab.*;");

    /** Where each line of a generated source came from: a cell and a line in it, or nowhere (generated). */
    public record LineMap(List<int[]> origins) {

        /** "cell 7, line 3", or null for a generated line. */
        public String describe(int sourceLine) {
            if (sourceLine < 1 || sourceLine > origins.size() || origins.get(sourceLine - 1) == null) {
                return null;
            }
            int[] origin = origins.get(sourceLine - 1);
            return "cell " + origin[0] + ", line " + origin[1];
        }
    }

    /**
     * The outcome of compiling a submission.
     *
     * @param classes  the folder with the compiled classes
     * @param problems per exercise id, why it did not compile (absent when it compiled)
     * @param lines    per exercise id, where its generated lines came from
     */
    public record Compiled(Path classes, Map<String, String> problems, Map<String, LineMap> lines) {

        /** Rewrites {@code Submission_x.java:12} in a message as "cell 7, line 3". */
        public String mapLocations(String message) {
            return GradedRun.mapLocations(message, location -> {
                String file = location.substring(0, location.indexOf(':'));
                int line = Integer.parseInt(location.substring(location.indexOf(':') + 1));
                for (Map.Entry<String, LineMap> entry : lines.entrySet()) {
                    if (file.equals(className(entry.getKey()) + ".java")) {
                        String described = entry.getValue().describe(line);
                        return described != null ? "(" + described + ")" : location;
                    }
                }
                return location;
            });
        }
    }

    private AnswerCompiler() {
    }

    public static String className(String exerciseId) {
        return "Submission_" + exerciseId.replaceAll("[^A-Za-z0-9]", "_");
    }

    /**
     * Compiles every exercise's answer into {@code workDir/classes}.
     *
     * @param classpath the class path the answers compile against (lesson-lib, the answer types)
     */
    public static Compiled compile(NotebookSubmission submission, List<Exercise> exercises, Path workDir, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("grading needs a JDK with javac, but this Java has none: " + System.getProperty("java.home"));
        }
        Path sources = workDir.resolve("sources");
        Path classes = workDir.resolve("classes");
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, LineMap> lines = new LinkedHashMap<>();
        Map<Exercise, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(sources);
            Files.createDirectories(classes);
            for (Exercise exercise : exercises) {
                String missing = missingAnswers(submission, exercise);
                if (missing != null) {
                    problems.put(exercise.id(), missing);
                    continue;
                }
                List<int[]> origins = new ArrayList<>();
                String source = generate(submission, exercise, origins);
                lines.put(exercise.id(), new LineMap(origins));
                Path file = sources.resolve(className(exercise.id()) + ".java");
                Files.writeString(file, source, StandardCharsets.UTF_8);
                files.put(exercise, file);
            }
            // Usually everything compiles: one javac run. Otherwise each exercise on its own, so a broken
            // one cannot cost the others their class files.
            if (!files.isEmpty() && compileAll(javac, List.copyOf(files.values()), classes, classpath, null) != null) {
                for (Map.Entry<Exercise, Path> entry : files.entrySet()) {
                    Exercise exercise = entry.getKey();
                    List<String> errors = new ArrayList<>();
                    if (compileAll(javac, List.of(entry.getValue()), classes, classpath, errors) != null) {
                        problems.put(exercise.id(), describeErrors(errors, exercise, lines.get(exercise.id())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Compiled(classes, problems, lines);
    }

    private static String missingAnswers(NotebookSubmission submission, Exercise exercise) {
        if (submission.answers(exercise.id()).isEmpty()) {
            return "no answer cell: the notebook has no cell tagged " + exercise.tag();
        }
        for (String used : exercise.uses()) {
            if (submission.answers(used).isEmpty()) {
                return "this exercise uses your answer to " + used + ", but the notebook has no cell tagged answer:" + used;
            }
        }
        return null;
    }

    private static String generate(NotebookSubmission submission, Exercise exercise, List<int[]> origins) {
        StringBuilder source = new StringBuilder();
        List<String> imports = new ArrayList<>(DEFAULT_IMPORTS);
        submission.imports().stream().filter(line -> !imports.contains(line)).forEach(imports::add);
        for (String line : imports) {
            source.append(line).append('\n');
            origins.add(null);
        }
        String name = className(exercise.id());
        source.append("public final class ").append(name).append(" {\n");
        origins.add(null);
        List<NotebookSubmission.AnswerCell> cells = new ArrayList<>();
        exercise.uses().forEach(used -> cells.addAll(submission.answers(used)));
        cells.addAll(submission.answers(exercise.id()));
        for (NotebookSubmission.AnswerCell cell : cells) {
            List<String> cellLines = cell.source().lines().toList();
            for (int i = 0; i < cellLines.size(); i++) {
                String line = cellLines.get(i);
                boolean hoisted = line.strip().startsWith("import ") && line.strip().endsWith(";");
                source.append(hoisted ? "" : line).append('\n');
                origins.add(new int[] {cell.cellNumber(), i + 1});
            }
        }
        String type = exercise.answerType().getCanonicalName();
        for (String line : List.of(
                "    public static " + type + " answer() {",
                "        " + name + " submission = new " + name + "();",
                "        return submission::" + exercise.methodName() + ";",
                "    }",
                "}")) {
            source.append(line).append('\n');
            origins.add(null);
        }
        return source.toString();
    }

    /** One javac run; null when it compiled, else its error diagnostics as "line|message" (into {@code errors} if given). */
    private static String compileAll(JavaCompiler javac, List<Path> sources, Path classes, String classpath,
                                     List<String> errors) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager files = FILE_MANAGERS.get();
        List<String> options = List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none", "-g",
                "-nowarn", "-Xlint:none", "-encoding", "UTF-8", "-implicit:none");
        boolean ok = javac.getTask(null, files, diagnostics, options, null,
                files.getJavaFileObjectsFromPaths(sources)).call();
        if (ok) {
            return null;
        }
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR && errors != null) {
                errors.add(diagnostic.getLineNumber() + "|" + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse("").strip());
            }
        }
        return "errors";
    }

    private static String describeErrors(List<String> errors, Exercise exercise, LineMap lines) {
        List<String> messages = new ArrayList<>();
        for (String error : errors) {
            int line = Integer.parseInt(error.substring(0, error.indexOf('|')));
            String message = error.substring(error.indexOf('|') + 1);
            String where = lines.describe(line);
            messages.add(where != null
                    ? where + ": " + message
                    : "the answer must define " + exercise.signature() + " (this name, these parameter types): " + message);
        }
        return "does not compile: " + String.join("; ", messages.stream().distinct().limit(5).toList());
    }
}
