package org.poolinglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.poolinglab.AnswerRule;
import org.poolinglab.exercises.Exercise;

/**
 * Compiles each exercise's answer on its own, into a class {@code Submission_<id>} whose static
 * {@code graded$answer} takes and returns exactly what the exercise's answer type does and calls the
 * answer method (so the sandbox can call it by that one name). The class holds the answer method and
 * every declaration it needs from any answer cell ({@link AnswerCells}), so an answer may call another
 * answer's methods, as in the notebook; top-level statements are left out. A broken answer costs only
 * its own exercise and the exercises whose answers use it. Errors point at the notebook cell and line.
 *
 * <p>Answers compile against the Java platform and the exercises' own types only (the sandbox's
 * classes, {@link org.poolinglab.sandbox.SandboxClasses}): an answer that calls lesson-lib does not
 * compile, and its message names the call ("write the loop yourself: answers may not call
 * Pooling.maxPool"), found by compiling it once more against the notebook's whole class path.
 */
public final class AnswerCompiler {

    /** javac's file manager caches the opened class path; one per grading thread saves reopening it for every answer. */
    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGERS = ThreadLocal.withInitial(
            () -> ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));

    /** What every answer may use without importing it: as in the exercise notebook, less lesson-lib. */
    private static final List<String> DEFAULT_IMPORTS = List.of("import java.util.*;", "import java.util.function.*;",
            "import java.util.stream.*;", "import org.poolinglab.exercises.*;");
    /** What the exercise notebook imports besides: only to name a call an answer may not make. */
    private static final List<String> NOTEBOOK_IMPORTS = List.of("import org.poolinglab.*;", "import org.poolinglab.nn.*;",
            "import org.poolinglab.plot.*;", "import org.poolinglab.table.*;", "import org.poolinglab.data.*;");
    /** The packages an answer may import from, besides the exercises' types. */
    private static final List<String> PLATFORM = List.of("java.", "javax.", "jdk.");

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

    /** The one method of an exercise's answer type: what the answer takes and returns. */
    static Method signature(Exercise exercise) {
        return Arrays.stream(exercise.answerType().getMethods()).filter(method -> Modifier.isAbstract(method.getModifiers()))
                .findFirst().orElseThrow(() -> new IllegalStateException(exercise.answerType() + " has no method"));
    }

    public static String className(String exerciseId) {
        return "Submission_" + exerciseId.replaceAll("[^A-Za-z0-9]", "_");
    }

    /**
     * Compiles every exercise's answer into {@code workDir/classes}.
     *
     * @param allowed          what answers compile against: the sandbox's classes (the exercises' types)
     * @param libraryClasspath the notebook's class path, to name a lesson-lib call an answer makes
     */
    public static Compiled compile(NotebookSubmission submission, List<Exercise> exercises, Path workDir, Path allowed,
                                   String libraryClasspath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("grading needs a JDK with javac, but this Java has none: " + System.getProperty("java.home"));
        }
        Path sources = workDir.resolve("sources");
        Path classes = workDir.resolve("classes");
        AnswerCells cells = AnswerCells.read(submission);
        List<String> imports = new ArrayList<>(DEFAULT_IMPORTS);
        cells.imports().stream().filter(line -> !imports.contains(line)).forEach(imports::add);
        List<String> allowedImports = imports.stream().filter(AnswerCompiler::allowedImport).toList();
        List<String> notebookImports = new ArrayList<>(imports);
        notebookImports.addAll(NOTEBOOK_IMPORTS);
        Map<String, String> problems = new LinkedHashMap<>(cells.refused());
        Map<String, LineMap> lines = new LinkedHashMap<>();
        Map<Exercise, Path> files = new LinkedHashMap<>();
        Map<Exercise, String> withNotebookImports = new LinkedHashMap<>();
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
                if (problems.containsKey(exercise.id())) {
                    continue; // a cell too large to read
                }
                List<Origin> origins = new ArrayList<>();
                String source = generate(exercise, allowedImports, needed, origins);
                withNotebookImports.put(exercise, generate(exercise, notebookImports, needed, new ArrayList<>()));
                lines.put(exercise.id(), new LineMap(origins));
                Path file = sources.resolve(className(exercise.id()) + ".java");
                Files.writeString(file, source, StandardCharsets.UTF_8);
                files.put(exercise, file);
            }
            // Usually everything compiles: one javac run. Otherwise each exercise on its own, so a broken
            // one cannot cost the others their class files.
            String classpath = allowed.toString();
            if (!files.isEmpty() && compileAll(javac, List.copyOf(files.values()), classes, classpath, null) != null) {
                for (Map.Entry<Exercise, Path> entry : files.entrySet()) {
                    Exercise exercise = entry.getKey();
                    List<String> errors = new ArrayList<>();
                    if (compileAll(javac, List.of(entry.getValue()), classes, classpath, errors) != null) {
                        LineMap map = lines.get(exercise.id());
                        List<LibraryCalls.Call> calls = LibraryCalls.find(withNotebookImports.get(exercise), libraryClasspath, allowed);
                        problems.put(exercise.id(), calls.isEmpty() ? describeErrors(errors, exercise, map)
                                : libraryProblem(calls, exercise, map));
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

    private static boolean allowedImport(String line) {
        String imported = line.replaceFirst("^import\\s+(static\\s+)?", "").strip();
        return imported.startsWith("org.poolinglab.exercises.") || PLATFORM.stream().anyMatch(imported::startsWith);
    }

    /** "write the loop yourself: answers may not call Pooling.maxPool (cell 10, line 3)", for the first calls found. */
    private static String libraryProblem(List<LibraryCalls.Call> calls, Exercise exercise, LineMap lines) {
        List<String> named = new ArrayList<>();
        for (LibraryCalls.Call call : calls) {
            Origin origin = lines.origin(call.line());
            String where = origin == null ? "" : " (" + lines.describe(call.line())
                    + (origin.exerciseId().equals(exercise.id()) ? "" : ", in your answer to " + origin.exerciseId()) + ")";
            String text = call.name() + where;
            if (!named.contains(text) && named.size() < 3) {
                named.add(text);
            }
        }
        return AnswerRule.message(String.join(", ", named)) + ". An answer may use the Java platform and the "
                + "exercise's own types, not lesson-lib or another library";
    }

    private static String generate(Exercise exercise, List<String> imports, List<AnswerCells.Declaration> declarations,
                                   List<Origin> origins) {
        StringBuilder source = new StringBuilder();
        source.append(String.join(" ", imports)).append('\n'); // on one line, so both import lists give the same line numbers
        origins.add(null);
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
        Method signature = signature(exercise);
        Type[] parameters = signature.getGenericParameterTypes();
        List<String> declared = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            declared.add(parameters[i].getTypeName() + " a" + i);
            passed.add("a" + i);
        }
        for (String line : List.of(
                "    public static " + signature.getGenericReturnType().getTypeName() + " " + RemoteAnswers.ENTRY + "("
                        + String.join(", ", declared) + ") {",
                "        return " + exercise.methodName() + "(" + String.join(", ", passed) + ");",
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
            if (origin == null && line == 1) {
                own.add("an import of your answer cells: " + message);
            } else if (origin == null) {
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
