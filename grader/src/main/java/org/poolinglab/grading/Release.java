package org.poolinglab.grading;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * {@code ./lab release --out DIR}: the kit as students get it. The lesson notebooks, the student version
 * of the exercises, lesson-lib, and the grader with its check API and the public tests only (every test
 * method marked {@link Hidden} is cut out of the source), with a README for students. No {@code solutions/},
 * no answer bank, no hidden test, and nothing built: {@code ./lab run} builds the kit's jar from these sources.
 * The instructor's side ({@code ./lab grade}, the Gradescope zip) keeps every test.
 */
public final class Release {

    /** What students get, relative to the project folder; a folder is copied whole, less what builds make. */
    static final List<String> SHIPPED = List.of(".gitignore", "lab", "package.json", "package-lock.json", "lesson-lib",
            "sandbox/pom.xml", "sandbox/src/main", "notebooks", "exercises", "grader/pom.xml", "grader/src/main",
            "notebook-jar/pom.xml", "scripts");
    /** What stays out of a shipped folder: make_class.py writes the master's answers, with mistakes, into a pretend class. */
    static final Set<String> LEFT_OUT = Set.of("scripts/make_class.py");
    /** The Maven modules of a student's kit. */
    static final List<String> MODULES = List.of("lesson-lib", "sandbox", "grader", "notebook-jar");
    /** The README a student's kit has, instead of the instructor's. */
    static final String STUDENT_README = "grader/release/README.md";
    private static final Set<String> BUILT = Set.of("target", "build", ".jupyter", "node_modules", "__pycache__",
            ".ipynb_checkpoints");

    private Release() {
    }

    /** Arguments: the project folder, {@code --out DIR}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !args[1].equals("--out")) {
            err.println("usage: ./lab release --out DIR   write the kit as students should get it into DIR (a new folder)");
            return 2;
        }
        Path target = Path.of(args[2]);
        try {
            write(Path.of(args[0]), target);
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("release: " + e.getMessage());
            return 2;
        }
        out.println("release: wrote the student kit to " + target + " (no solutions, no hidden tests); "
                + "students start with ./lab run or ./lab notebook in it");
        return 0;
    }

    /** Writes the student kit made from {@code project} into {@code target}, which must be new or empty. */
    static void write(Path project, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> inside = Files.list(target)) {
                if (inside.findAny().isPresent()) {
                    throw new IllegalArgumentException(target + " is not empty: give a new folder (nothing in it is replaced)");
                }
            }
        }
        for (String shipped : SHIPPED) {
            Path from = project.resolve(shipped);
            if (!Files.exists(from)) {
                throw new IllegalArgumentException(from + " is missing: is " + project + " the Pooling Lab project folder?");
            }
            copy(project, from, target);
        }
        Files.writeString(target.resolve("pom.xml"), studentPom(Files.readString(project.resolve("pom.xml"))));
        Files.copy(project.resolve(STUDENT_README), target.resolve("README.md"));
        Path resource = target.resolve("grader/src/main/resources" + RecordedMistakes.RESOURCE);
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, recordedMistakes(project.resolve(MASTER)), StandardCharsets.UTF_8);
    }

    /** The master notebook, relative to the project folder. */
    static final String MASTER = "solutions/" + org.poolinglab.exercises.Exercises.NOTEBOOK;

    /**
     * What each typical mistake gives for every call of the public tests, as data ({@link RecordedMistakes}):
     * the public tests run on the master's answers, here in this JVM, with every call recorded.
     */
    static String recordedMistakes(Path master) throws IOException {
        Path work = Files.createTempDirectory("pooling-lab-release-");
        try (TrustedAnswers answers = TrustedAnswers.of(master, work)) {
            com.google.gson.JsonObject recorded = new com.google.gson.JsonObject();
            List<TestOutcome> outcomes = new ArrayList<>();
            RecordedMistakes.recording(recorded, () -> outcomes.addAll(new GradedRun(false, Set.of(), outcome -> { })
                    .inThisJvm(org.poolinglab.exercises.Exercises.ALL, answers.answers())));
            List<String> failed = outcomes.stream().filter(outcome -> !outcome.passed()).map(TestOutcome::testId).toList();
            if (!failed.isEmpty()) {
                throw new IllegalArgumentException("the master fails public tests " + failed + ": mend it before a release");
            }
            return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(recorded) + "\n";
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void copy(Path project, Path from, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> Stream.iterate(project.relativize(path), p -> p != null, Path::getParent)
                            .noneMatch(part -> BUILT.contains(part.getFileName().toString())))
                    .filter(path -> !LEFT_OUT.contains(project.relativize(path).toString().replace('\\', '/')))
                    .filter(path -> !path.toString().endsWith(".class"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
        for (Path file : files) {
            Path destination = target.resolve(project.relativize(file).toString());
            Files.createDirectories(destination.getParent());
            if (file.getFileName().toString().endsWith("Mistakes.java")
                    && project.relativize(file).startsWith("grader/src/main/java/org/poolinglab/grading/tests")) {
                Files.writeString(destination, mistakesAsData(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            } else if (file.toString().endsWith(".java") && project.relativize(file).startsWith("grader")) {
                Files.writeString(destination, withoutHiddenTests(Files.readString(file, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            } else {
                Files.copy(file, destination);
            }
            if (Files.isExecutable(file)) {
                Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** The parent pom with only the modules a student's kit has. */
    static String studentPom(String pom) {
        StringBuilder result = new StringBuilder();
        List<String> kept = new ArrayList<>();
        for (String line : pom.split("\n", -1)) {
            String module = line.strip().matches("<module>[^<]+</module>") ? line.strip().replaceAll("</?module>", "") : null;
            if (module == null || MODULES.contains(module)) {
                result.append(line).append('\n');
            }
            if (module != null && MODULES.contains(module)) {
                kept.add(module);
            }
        }
        if (!kept.equals(MODULES)) {
            throw new IllegalArgumentException("pom.xml should list the modules " + MODULES + " in this order, but lists " + kept);
        }
        return result.substring(0, result.length() - 1);
    }

    /**
     * A {@code ...Mistakes} class as the student kit has it: the same methods, each returning no variant,
     * so that {@link RecordedMistakes} gives the outputs the release recorded; nothing else of it, so none
     * of the code that works a mistake out (a near copy of an answer) reaches a student.
     */
    static String mistakesAsData(String source) {
        CompilationUnitTree unit = parse(source);
        ClassTree type = (ClassTree) unit.getTypeDecls().get(0);
        StringBuilder stub = new StringBuilder("package ").append(unit.getPackageName()).append(";\n\n")
                .append("import java.util.List;\nimport org.poolinglab.grading.Variant;\n\n")
                .append("/** What each typical mistake gives: in the student kit, recorded as data (see RecordedMistakes). */\n")
                .append("final class ").append(type.getSimpleName()).append(" {\n\n    private ").append(type.getSimpleName())
                .append("() {\n    }\n");
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree method && method.getReturnType() != null
                    && !method.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.PRIVATE)) {
                stub.append("\n    static ").append(method.getReturnType()).append(' ').append(method.getName()).append('(')
                        .append(String.join(", ", method.getParameters().stream()
                                .map(parameter -> parameter.getType() + " " + parameter.getName()).toList()))
                        .append(") {\n        return List.of();\n    }\n");
            }
        }
        return stub.append("}\n").toString();
    }

    /**
     * The source with every method and enum constant annotated {@code @Hidden} cut out, with the comment
     * lines right above it (and a constant's comma after it); read with javac's parser, so a hidden test
     * is found however it is written.
     */
    static String withoutHiddenTests(String source) {
        List<long[]> cuts = hiddenTests(source);
        StringBuilder result = new StringBuilder(source);
        for (int i = cuts.size() - 1; i >= 0; i--) {
            int start = lineStart(source, (int) cuts.get(i)[0]);
            while (start > 0 && isComment(line(source, lineStart(source, start - 1)))) {
                start = lineStart(source, start - 1); // a comment right above the test goes with it
            }
            if (start > 0 && line(source, lineStart(source, start - 1)).isBlank()) {
                start = lineStart(source, start - 1); // and so does the blank line that set it apart
            }
            int end = (int) cuts.get(i)[1];
            if (cuts.get(i)[2] == 1) {
                // an enum constant: its comma goes with it, so it must not be the last constant
                while (end < source.length() && Character.isWhitespace(source.charAt(end))) {
                    end++;
                }
                if (end >= source.length() || source.charAt(end) != ',') {
                    throw new IllegalStateException("a @Hidden enum constant must be followed by another constant:\n"
                            + source.substring((int) cuts.get(i)[0], Math.min(source.length(), end + 1)));
                }
                end++;
            }
            end = source.indexOf('\n', end - 1);
            result.delete(start, end < 0 ? source.length() : end + 1);
        }
        String stripped = result.toString();
        if (!hiddenTests(stripped).isEmpty()) {
            throw new IllegalStateException("a hidden test could not be cut out of:\n" + source);
        }
        return stripped;
    }

    /**
     * Where each method and enum constant annotated {@code @Hidden} starts and ends (annotations included),
     * and whether it is an enum constant (1) or a method (0).
     */
    private static List<long[]> hiddenTests(String source) {
        JavacTask task = task(source);
        CompilationUnitTree unit = parse(task);
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<long[]> methods = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                if (hidden(method.getModifiers())) {
                    methods.add(new long[] {positions.getStartPosition(unit, method), positions.getEndPosition(unit, method), 0});
                    return null;
                }
                return super.visitMethod(method, unused);
            }

            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                if (hidden(variable.getModifiers())) { // an enum constant: @Hidden marks no other variable
                    methods.add(new long[] {positions.getStartPosition(unit, variable), positions.getEndPosition(unit, variable), 1});
                    return null;
                }
                return super.visitVariable(variable, unused);
            }

            private boolean hidden(ModifiersTree modifiers) {
                return modifiers.getAnnotations().stream().map(annotation -> annotation.getAnnotationType().toString())
                        .anyMatch(type -> type.equals("Hidden") || type.endsWith(".Hidden"));
            }
        }.scan(unit, null);
        return methods;
    }

    private static JavacTask task(String source) {
        return (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, diagnostic -> { },
                List.of("-proc:none"), null, List.of(new SimpleJavaFileObject(URI.create("string:///Source.java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                }));
    }

    private static CompilationUnitTree parse(JavacTask task) {
        try {
            return task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompilationUnitTree parse(String source) {
        return parse(task(source));
    }

    private static boolean isComment(String line) {
        String code = line.strip();
        return code.startsWith("//") || code.startsWith("/*") || code.startsWith("*");
    }

    /** The line that starts at {@code start}, without its newline. */
    private static String line(String source, int start) {
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    private static int lineStart(String source, int index) {
        return source.lastIndexOf('\n', Math.max(0, index - 1)) + 1;
    }

}
