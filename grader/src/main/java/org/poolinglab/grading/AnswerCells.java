package org.poolinglab.grading;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import jdk.jshell.ErroneousSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A notebook's answer cells, read the way the Java kernel reads them. The kernel (JShell) splits a cell
 * into snippets and runs them one after another; here JShell's own source analysis splits each answer
 * cell the same way and tells declarations (methods, classes, variables) from top-level statements (a
 * test print, a call). Only declarations are graded: an exercise's answer is its method together with
 * every declaration it needs, from any answer cell, as in the notebook, where a later declaration
 * replaces an earlier one of the same name and parameters. Statements, and variables no graded
 * declaration uses, are left out: never compiled, never run.
 */
final class AnswerCells {

    /**
     * One declaration of an answer cell, as it goes into the graded class.
     *
     * @param exerciseId the exercise whose answer cell holds it
     * @param cell       the cell's number in the notebook
     * @param line       the cell line its source starts on
     * @param source     its source, made {@code static} like every top-level declaration in JShell
     * @param kind       {@code METHOD}, {@code VAR} or {@code TYPE_DECL} ({@code ERRONEOUS} when JShell cannot tell)
     * @param names      the names it declares; empty when it is too broken to read one
     * @param uses       the simple names it refers to
     */
    record Declaration(String exerciseId, int cell, int line, String source, Snippet.Kind kind, List<String> names,
                       Set<String> uses) {
    }

    /** The one JShell per grading thread that analyses source; it never runs anything. */
    private static final ThreadLocal<JShell> SHELLS = ThreadLocal.withInitial(
            () -> JShell.builder().executionEngine("local").build());
    /** javac's parser reads each declaration; its file manager is costly to make, so each thread keeps one. */
    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGERS = ThreadLocal.withInitial(
            () -> ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));
    private static final String WRAPPER_START = "class AnswerSnippet {\n";

    /**
     * Bounds that keep reading a notebook quick and safe whatever it holds: an answer cell is refused,
     * and its exercise gets no points, past any of them. The master's longest answer cell has under 40
     * lines, 1,500 characters and 8 levels of brackets.
     */
    static final int MAX_CELL_CHARACTERS = 64 * 1024;
    static final int MAX_NESTING = 64;
    static final int MAX_SNIPPETS_PER_CELL = 200;
    static final int MAX_SNIPPETS = 600;

    private final List<Declaration> declarations;
    private final Map<String, List<LeftOut>> statements;
    private final List<String> imports;
    private final Map<String, String> refused;

    private AnswerCells(List<Declaration> declarations, Map<String, List<LeftOut>> statements, List<String> imports,
                        Map<String, String> refused) {
        this.declarations = declarations;
        this.statements = statements;
        this.imports = imports;
        this.refused = refused;
    }

    /** Splits every answer cell of {@code submission} into declarations, statements and imports. */
    static AnswerCells read(NotebookSubmission submission) {
        Map<String, Declaration> latest = new LinkedHashMap<>();
        Map<String, List<LeftOut>> statements = new LinkedHashMap<>();
        List<String> imports = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        SourceCodeAnalysis analysis = SHELLS.get().sourceCodeAnalysis();
        int snippets = 0;
        for (NotebookSubmission.AnswerCell cell : submission.answerCells()) {
            String source = cell.source().replace("\r\n", "\n");
            String tooLarge = tooLarge(source);
            if (tooLarge != null) {
                refused.putIfAbsent(cell.exerciseId(), "cell " + cell.cellNumber() + " was not graded: " + tooLarge);
                continue;
            }
            int start = 0;
            int cellSnippets = 0;
            while (!source.substring(start).isBlank()) {
                if (++cellSnippets > MAX_SNIPPETS_PER_CELL || ++snippets > MAX_SNIPPETS) {
                    refused.putIfAbsent(cell.exerciseId(), "cell " + cell.cellNumber() + " was not graded: it has more "
                            + "than " + MAX_SNIPPETS_PER_CELL + " declarations and statements (or the notebook's answer "
                            + "cells more than " + MAX_SNIPPETS + "), more than the grader reads");
                    break;
                }
                String rest = source.substring(start);
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break; // only comments are left
                }
                boolean complete = info.completeness().isComplete() && rest.endsWith(info.remaining())
                        && info.remaining().length() < rest.length();
                int end = complete ? source.length() - info.remaining().length() : source.length();
                String text = source.substring(start, end);
                int line = (int) source.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
                Snippet.Kind kind = kind(analysis, complete ? info.source() : text);
                if (kind == Snippet.Kind.IMPORT) {
                    imports.add(text.strip());
                } else if (kind == Snippet.Kind.EXPRESSION || kind == Snippet.Kind.STATEMENT) {
                    statements.computeIfAbsent(cell.exerciseId(), id -> new ArrayList<>()).add(statement(cell, line, text));
                } else if (kind != null) {
                    pieces.add(new Piece(cell, line, text, kind));
                }
                start = end;
            }
        }
        for (Parsed parsed : parse(pieces)) {
            latest.remove(parsed.key()); // a later declaration replaces an earlier one, as in JShell
            latest.put(parsed.key(), parsed.declaration());
        }
        return new AnswerCells(List.copyOf(latest.values()), statements, imports, refused);
    }

    /** Why a cell is too large to read, or null when it is not. */
    private static String tooLarge(String source) {
        if (source.length() > MAX_CELL_CHARACTERS) {
            return "it has " + source.length() + " characters, more than the " + MAX_CELL_CHARACTERS + " the grader reads";
        }
        int nesting = nesting(source);
        if (nesting > MAX_NESTING) {
            return "its brackets nest " + nesting + " deep, more than the " + MAX_NESTING + " levels the grader reads";
        }
        return null;
    }

    /** How deep round, square and curly brackets nest, outside comments, strings and character literals. */
    static int nesting(String source) {
        int depth = 0;
        int deepest = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = end(source, source.indexOf('\n', i));
            } else if (source.startsWith("/*", i)) {
                i = end(source, source.indexOf("*/", i + 2)) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                i = end(source, source.indexOf("\"\"\"", i + 3)) + 3;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < source.length() && source.charAt(i) != c && source.charAt(i) != '\n') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    deepest = Math.max(deepest, ++depth);
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                i++;
            }
        }
        return deepest;
    }

    private static int end(String source, int found) {
        return found < 0 ? source.length() : found;
    }

    /** Per exercise, why one of its answer cells was not read (too large, nested too deep); empty when none was refused. */
    Map<String, String> refused() {
        return refused;
    }

    /**
     * What grading {@code exerciseId} needs, in notebook order: every declaration named {@code method},
     * what they use, what that uses, and so on; plus any declaration of the exercise's own cells too
     * broken to name (so its compile error is reported).
     */
    List<Declaration> neededFor(String exerciseId, String method) {
        Deque<Declaration> todo = new ArrayDeque<>();
        for (Declaration declaration : declarations) {
            if (declaration.names().contains(method)
                    || (declaration.names().isEmpty() && declaration.exerciseId().equals(exerciseId))) {
                todo.add(declaration);
            }
        }
        Set<Declaration> needed = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Declaration declaration = todo.pop();
            if (needed.add(declaration)) {
                for (Declaration other : declarations) {
                    if (other.names().stream().anyMatch(declaration.uses()::contains)) {
                        todo.add(other);
                    }
                }
            }
        }
        return declarations.stream().filter(needed::contains).toList();
    }

    /**
     * One line saying what of {@code exerciseId}'s cells is left out of grading: its top-level statements
     * and the variables that nothing graded uses; null when nothing is.
     *
     * @param graded every declaration that some exercise's grading needs
     */
    String leftOut(String exerciseId, Set<Declaration> graded) {
        List<LeftOut> parts = new ArrayList<>(statements.getOrDefault(exerciseId, List.of()));
        for (Declaration declaration : declarations) {
            if (declaration.exerciseId().equals(exerciseId) && declaration.kind() == Snippet.Kind.VAR
                    && !graded.contains(declaration)) {
                parts.add(new LeftOut(declaration.cell(), firstCodeLine(declaration.source(), declaration.line()),
                        "\"" + String.join(", ", declaration.names()) + "\", a variable no graded method uses"));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        parts.sort(Comparator.comparingInt(LeftOut::cell).thenComparingInt(LeftOut::line));
        return "Left out, not graded and not run (only declarations count in an answer cell): "
                + parts.stream().limit(5).map(part -> "cell " + part.cell() + ", line " + part.line() + " " + part.what())
                        .collect(Collectors.joining("; "))
                + (parts.size() > 5 ? "; and " + (parts.size() - 5) + " more" : "");
    }

    /** A statement or variable left out of grading, and where it is. */
    private record LeftOut(int cell, int line, String what) {
    }

    /** The {@code import} lines of the answer cells. */
    List<String> imports() {
        return imports;
    }

    /** What JShell takes the snippet for; for one it cannot compile, what it most likely is; null for none. */
    private static Snippet.Kind kind(SourceCodeAnalysis analysis, String snippet) {
        List<Snippet> snippets = analysis.sourceToSnippets(snippet);
        if (snippets.isEmpty()) {
            return null;
        }
        Snippet first = snippets.get(0);
        return first instanceof ErroneousSnippet erroneous ? erroneous.probableKind() : first.kind();
    }

    private static LeftOut statement(NotebookSubmission.AnswerCell cell, int line, String text) {
        String code = text.strip().lines().findFirst().orElse("");
        return new LeftOut(cell.cellNumber(), firstCodeLine(text, line),
                "\"" + (code.length() > 40 ? code.substring(0, 37) + "..." : code) + "\"");
    }

    private static int firstCodeLine(String text, int line) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length - 1 && lines[i].isBlank()) {
            i++;
        }
        return line + i;
    }

    /** A declaration's source as JShell split it from its cell, and what kind JShell takes it for. */
    private record Piece(NotebookSubmission.AnswerCell cell, int line, String text, Snippet.Kind kind) {
    }

    /**
     * A declaration and its key: declarations with the same key replace each other (same kind, same
     * name and, for methods, the same parameter types).
     */
    private record Parsed(Declaration declaration, String key) {
    }

    /**
     * Reads declarations with javac's parser (all in one go: a javac task is costly to start): the names
     * each declares and uses, and where to put {@code static} (top-level JShell methods and variables are
     * static, so they can call each other).
     */
    private static List<Parsed> parse(List<Piece> pieces) {
        if (pieces.isEmpty()) {
            return List.of();
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            sources.add(new Source("Snippet" + i, WRAPPER_START + pieces.get(i).text() + "\n}\n"));
        }
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, FILE_MANAGERS.get(),
                diagnostic -> { }, List.of("-proc:none"), null, sources);
        Map<URI, CompilationUnitTree> units = new HashMap<>(); // by address: javac wraps the file objects it is given
        try {
            task.parse().forEach(unit -> units.put(unit.getSourceFile().toUri(), unit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Trees trees = Trees.instance(task);
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            parsed.add(read(pieces.get(i), units.get(sources.get(i).toUri()), trees));
        }
        return parsed;
    }

    private static Parsed read(Piece piece, CompilationUnitTree unit, Trees trees) {
        List<String> names = new ArrayList<>();
        Set<String> uses = new LinkedHashSet<>();
        String source = piece.text();
        String parameters = "";
        if (unit != null && !unit.getTypeDecls().isEmpty() && unit.getTypeDecls().get(0) instanceof ClassTree wrapper) {
            for (Tree member : wrapper.getMembers()) {
                String name = member instanceof MethodTree method ? method.getName().toString()
                        : member instanceof VariableTree variable ? variable.getName().toString()
                        : member instanceof ClassTree type ? type.getSimpleName().toString() : "";
                if (!name.isEmpty() && !name.equals("<init>") && !name.equals("<error>")) {
                    names.add(name);
                }
                if (member instanceof MethodTree method) {
                    parameters = method.getParameters().stream().map(parameter -> parameter.getType().toString())
                            .collect(Collectors.joining(","));
                }
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                        uses.add(identifier.getName().toString());
                        return null;
                    }

                    @Override
                    public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                        uses.add(reference.getName().toString());
                        return super.visitMemberReference(reference, unused);
                    }
                }.scan(member, null);
            }
            if (!wrapper.getMembers().isEmpty()) {
                source = madeStatic(source, unit, wrapper.getMembers().get(0), trees);
            }
        }
        names.forEach(uses::remove);
        NotebookSubmission.AnswerCell cell = piece.cell();
        Declaration declaration = new Declaration(cell.exerciseId(), cell.cellNumber(), piece.line(), source, piece.kind(),
                List.copyOf(names), Set.copyOf(uses));
        String key = names.isEmpty() ? "unnamed:" + cell.cellNumber() + ":" + piece.line()
                : piece.kind() + ":" + String.join(",", names) + (piece.kind() == Snippet.Kind.METHOD ? "(" + parameters + ")" : "");
        return new Parsed(declaration, key);
    }

    private static String madeStatic(String text, CompilationUnitTree unit, Tree member, Trees trees) {
        Set<Modifier> modifiers = member instanceof MethodTree method ? method.getModifiers().getFlags()
                : member instanceof VariableTree variable ? variable.getModifiers().getFlags()
                : member instanceof ClassTree type ? type.getModifiers().getFlags() : null;
        long position = trees.getSourcePositions().getStartPosition(unit, member) - WRAPPER_START.length();
        if (modifiers == null || modifiers.contains(Modifier.STATIC) || position < 0 || position > text.length()) {
            return text;
        }
        return text.substring(0, (int) position) + "static " + text.substring((int) position);
    }

    /** Source held in memory, for javac's parser. */
    private static final class Source extends SimpleJavaFileObject {

        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
