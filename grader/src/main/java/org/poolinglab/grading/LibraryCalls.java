package org.poolinglab.grading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Finds what an answer uses that it may not: anything outside the Java platform, the exercises' own
 * types and the answer itself (lesson-lib's {@code Pooling.maxPool}, say). javac reads the answer's
 * source against the notebook's whole class path, so every name resolves as it does in the notebook.
 */
final class LibraryCalls {

    /** A use of something an answer may not use: e.g. "Pooling.maxPool", on a line of the generated source. */
    record Call(String name, int line, long position) {
    }

    private LibraryCalls() {
    }

    /**
     * @param source    an answer's generated class, with the notebook's imports
     * @param classpath the notebook's class path
     * @param allowed   the folder of classes an answer may use (the exercises' types)
     */
    static List<Call> find(String source, String classpath, Path allowed) {
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, diagnostic -> { },
                List.of("-proc:none", "-classpath", classpath), null, List.of(new SimpleJavaFileObject(
                        URI.create("string:///Answer.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                }));
        List<Call> calls = new ArrayList<>();
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : units) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitImport(ImportTree tree, Void unused) {
                        return null; // an import alone uses nothing
                    }

                    @Override
                    public Void visitIdentifier(IdentifierTree tree, Void unused) {
                        check(tree);
                        return null;
                    }

                    @Override
                    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
                        check(tree);
                        // Pooling in Pooling.maxPool only says where maxPool is: not a use of its own.
                        return tree.getExpression() instanceof IdentifierTree ? null : super.visitMemberSelect(tree, unused);
                    }

                    @Override
                    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
                        check(tree);
                        return tree.getQualifierExpression() instanceof IdentifierTree ? null : super.visitMemberReference(tree, unused);
                    }

                    /** Records the use when it is not allowed, at the end of its name, so that calls come in the order they are written. */
                    private void check(com.sun.source.tree.Tree tree) {
                        Element element = trees.getElement(getCurrentPath());
                        TypeElement type = outermostType(element);
                        if (type == null || allowed(type, allowed)) {
                            return;
                        }
                        String name = element instanceof TypeElement ? element.getSimpleName().toString()
                                : enclosingName(element) + "." + (element.getKind() == ElementKind.CONSTRUCTOR
                                        ? "new" : element.getSimpleName().toString());
                        long start = trees.getSourcePositions().getStartPosition(unit, tree);
                        long end = trees.getSourcePositions().getEndPosition(unit, tree);
                        calls.add(new Call(name, (int) unit.getLineMap().getLineNumber(start), end));
                    }
                }.scan(unit, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | StackOverflowError e) {
            // javac could not read it all: what was found stands
        }
        calls.sort(java.util.Comparator.comparingLong(Call::position));
        return calls;
    }

    private static String enclosingName(Element member) {
        Element owner = member.getEnclosingElement();
        return owner == null ? "" : owner.getSimpleName().toString();
    }

    /** The top-level class that declares {@code element}, or null for a package, a local variable and the like. */
    private static TypeElement outermostType(Element element) {
        TypeElement type = null;
        for (Element current = element; current != null; current = current.getEnclosingElement()) {
            if (current instanceof TypeElement typeElement) {
                type = typeElement;
            }
            if (current.getKind() == ElementKind.PACKAGE) {
                break;
            }
        }
        return type;
    }

    /**
     * The platform's classes (in a named module), the answer's own (in no package) and the exercises' types
     * are allowed; so is what javac makes up itself, such as the class an array's {@code length} belongs to.
     */
    private static boolean allowed(TypeElement type, Path allowed) {
        Element module = type;
        while (module != null && !(module instanceof ModuleElement)) {
            module = module.getEnclosingElement();
        }
        if (module instanceof ModuleElement named && !named.isUnnamed()) {
            return true;
        }
        String name = type.getQualifiedName().toString();
        return !name.contains(".") || Files.exists(allowed.resolve(name.replace('.', '/') + ".class"));
    }
}
