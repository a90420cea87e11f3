package org.poolinglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.poolinglab.exercises.Exercise;

/**
 * Compiles each exercise's answer on its own, into a class {@code Submission_<id>} whose {@code answer()}
 * hands the answer method over as the exercise's answer type. The class holds the answer method and
 * every declaration it needs from any answer cell ({@link AnswerCells}), so an answer may call another
 * answer's methods, as in the notebook; top-level statements are left out. A broken answer costs only
 * its own exercise and the exercises whose answers use it. Errors point at the notebook cell and line.
 */
public final class AnswerCompiler {

    /** javac's file manager caches the opened class path; one per grading thread saves reopening it for every answer. */
    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGERS = ThreadLocal.withInitial(
            () -> ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));

    private static final List<String> DEFAULT_IMPORTS = List.of("import java.util.*;", "import org.poolinglab.*;");

    /**
     * Where a line of a generated source came from: a line of an answer cell, which belongs to an
     * exercise and (when it is part of one) to a declaration with a name.
     */
    public record Origin(int cell, int line, String exerciseId, String declared) {
    }

    /** Where each line of a generated source came from; null for a generated line. */
    public record LineMap(List<Origin> origins) {

        /** The origin of a line of the generated source, or null for a generated line. */
        public Origin origin(int sourceLine) {
            return sourceLine < 1 || sourceLine > origins.size() ? null : origins.get(sourceLine - 1);
        }

        /** "cell 7, line 3", or null for a generated line. */
        public String describe(int sourceLine) {
            Origin origin = origin(sourceLine);
            return origin == null ? null : "cell " + origin.cell() + ", line " + origin.line();
        }
    }

    /**
     * The outcome of compiling a submission.
     *
     * @param classes  the folder with the compiled classes
     * @param problems per exercise id, why it did not compile (absent when it compiled)
     * @param lines    per exercise id, where its generated lines came from
     * @param leftOut  per exercise id, what of its answer cells was left out of grading (absent when nothing was)
     */
    public record Compiled(Path classes, Map<String, String> problems, Map<String, LineMap> lines,
                           Map<String, String> leftOut) {

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
        AnswerCells cells = AnswerCells.read(submission);
        List<String> imports = new ArrayList<>(DEFAULT_IMPORTS);
        Stream.concat(submission.imports().stream(), cells.imports().stream())
                .filter(line -> !imports.contains(line)).forEach(imports::add);
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, LineMap> lines = new LinkedHashMap<>();
        Map<Exercise, Path> files = new LinkedHashMap<>();
        Set<AnswerCells.Declaration> graded = new HashSet<>();
        try {
            Files.createDirectories(sources);
            Files.createDirectories(classes);
            for (Exercise exercise : exercises) {
                List<AnswerCells.Declaration> needed = cells.neededFor(exercise.id(), exercise.methodName());
                graded.addAll(needed);
                if (submission.answers(exercise.id()).isEmpty()) {
                    problems.put(exercise.id(), "no answer cell: the notebook has no cell tagged " + exercise.tag());
                    continue;
                }
                List<Origin> origins = new ArrayList<>();
                String source = generate(exercise, imports, needed, origins);
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
        Map<String, String> leftOut = new LinkedHashMap<>();
        for (Exercise exercise : exercises) {
            String note = cells.leftOut(exercise.id(), graded);
            if (note != null) {
                leftOut.put(exercise.id(), note);
            }
        }
        return new Compiled(classes, problems, lines, leftOut);
    }

    private static String generate(Exercise exercise, List<String> imports, List<AnswerCells.Declaration> declarations,
                                   List<Origin> origins) {
        StringBuilder source = new StringBuilder();
        for (String line : imports) {
            source.append(line).append('\n');
            origins.add(null);
        }
        String name = className(exercise.id());
        source.append("public final class ").append(name).append(" {\n");
        origins.add(null);
        for (AnswerCells.Declaration declaration : declarations) {
            String[] declarationLines = declaration.source().split("\n", -1);
            String declared = declaration.names().isEmpty() ? null : declaration.names().get(0);
            for (int i = 0; i < declarationLines.length; i++) {
                source.append(declarationLines[i]).append('\n');
                origins.add(new Origin(declaration.cell(), declaration.line() + i, declaration.exerciseId(), declared));
            }
        }
        String type = exercise.answerType().getCanonicalName();
        for (String line : List.of(
                "    public static " + type + " answer() {",
                "        return " + name + "::" + exercise.methodName() + ";",
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

    /**
     * The compile errors of an exercise in words: where in the notebook each is, and, for an error in a
     * declaration of another exercise's answer that this one uses, which declaration and exercise.
     */
    private static String describeErrors(List<String> errors, Exercise exercise, LineMap lines) {
        List<String> own = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String error : errors) {
            int line = Integer.parseInt(error.substring(0, error.indexOf('|')));
            String message = error.substring(error.indexOf('|') + 1);
            Origin origin = lines.origin(line);
            if (origin == null) {
                own.add("the answer must define " + exercise.signature() + " (this name, these parameter types): " + message);
            } else if (origin.exerciseId().equals(exercise.id())) {
                own.add(lines.describe(line) + ": " + message);
            } else {
                used.add("it uses " + (origin.declared() == null ? "code" : origin.declared()) + " from your answer to "
                        + origin.exerciseId() + ", which does not compile (" + lines.describe(line) + ": " + message + ")");
            }
        }
        own.addAll(used);
        return "does not compile: " + String.join("; ", own.stream().distinct().limit(5).toList());
    }
}
