package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab setup --system --prefix DIR}, the install for a shared Jupyter (JupyterHub): the kernel in
 * DIR/share/jupyter where every user's Jupyter finds it, and the course folder each user copies.
 */
@DisplayName("./lab setup --system")
class SystemInstallTest {

    private static final Path ROOT = NotebooksTest.ROOT;
    private static final String OTHER_KERNEL = """
            {"argv": ["python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
             "display_name": "Python 3", "language": "python"}
            """;

    @TempDir
    Path prefix;

    @TempDir
    Path home;

    @Test
    void installsTheKernelForEveryUserAndACourseFolderWhereNotebooksRunOnIt() throws Exception {
        Path otherKernel = write(prefix.resolve("share/jupyter/kernels/python3/kernel.json"), OTHER_KERNEL);

        Result install = run(List.of(ROOT.resolve("lab").toString(), "setup", "--system", "--prefix", prefix.toString()),
                Map.of());
        assertEquals(0, install.status, install.output);

        Path kernel = prefix.resolve("share/jupyter/kernels/java");
        JsonObject spec = JsonParser.parseString(Files.readString(kernel.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java", spec.get("display_name").getAsString());
        assertEquals(List.of("/bin/sh", kernel.resolve("start-kernel").toString(), "{connection_file}"),
                spec.getAsJsonArray("argv").asList().stream().map(JsonElement::getAsString).toList());
        Matcher classPath = Pattern.compile(" -cp (\\S+) ").matcher(Files.readString(kernel.resolve("start-kernel")));
        assertTrue(classPath.find(), "start-kernel names the kernel's class path");
        for (String entry : classPath.group(1).split(":")) {
            assertTrue(entry.startsWith(kernel.toString()) && Files.exists(Path.of(entry)),
                    "the kernel's class path entry " + entry + " lies in " + kernel);
        }
        assertTrue(Files.isRegularFile(kernel.resolve("kernel.jsa")), "the class-data archive was made");
        assertEquals(OTHER_KERNEL, Files.readString(otherKernel), "another kernel in the prefix was changed");
        assertReadableByEveryone(kernel);

        Path course = prefix.resolve("share/pooling-lab");
        for (String file : List.of("notebooks/01-what-is-pooling.ipynb", "notebooks/animations/max-pooling-4x4.gif",
                "exercises/pooling-exercises.ipynb",
                "notebook-jar/target/pooling-lab.jar")) {
            assertTrue(Files.isRegularFile(course.resolve(file)), file + " is missing from the course folder");
        }
        assertFalse(Files.exists(course.resolve("solutions")), "the answers must not reach the students");
        assertNoHiddenTestIn(course.resolve("notebook-jar/target/pooling-lab.jar"));
        assertReadableByEveryone(course);

        // A user copies the course folder and runs a notebook there with only the installed kernel in reach.
        Path copy = home.resolve("pooling-lab");
        copyFolder(course, copy);
        Map<String, String> user = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                "JUPYTER_DATA_DIR", home.resolve(".local/share/jupyter").toString());
        JsonObject info = lastJsonLine(run(List.of(python(), script(), "kernel-info"), user));
        assertEquals(kernel.toString(), info.get("resource_dir").getAsString(), "the kernel Jupyter finds");
        assertEquals(pomProperty("rapaio-kernel.version"), info.get("implementation_version").getAsString(),
                "the version the installed kernel reports");
        Path notebook = shortNotebookLike(copy.resolve("notebooks/01-what-is-pooling.ipynb"));
        JsonObject summary = lastJsonLine(run(List.of(python(), script(), "execute", "--out",
                home.resolve("executed").toString(), notebook.toString()), user));
        assertTrue(summary.getAsJsonArray("errors").isEmpty(), "a notebook on the installed kernel: " + summary);
        assertEquals(1, summary.get("images").getAsInt(), "the notebook's picture: " + summary);
    }

    /**
     * The course folder's jar is the student kit's: each exercise's test class holds its public tests, and
     * not one hidden test method (whose name a compiled class would hold).
     */
    private static void assertNoHiddenTestIn(Path jar) throws IOException {
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(jar.toFile())) {
            for (org.poolinglab.exercises.Exercise exercise : org.poolinglab.exercises.Exercises.ALL) {
                java.util.zip.ZipEntry entry = file.getEntry(exercise.tests().getName().replace('.', '/') + ".class");
                assertTrue(entry != null, exercise.tests() + " is in the course folder's jar");
                String bytes = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                for (org.poolinglab.grading.GradedTest test : org.poolinglab.grading.GradedTest.of(exercise)) {
                    assertEquals(!test.hidden(), bytes.contains(test.method().getName()),
                            test.testId() + (test.hidden() ? " is hidden but in" : " is public but not in") + " the course folder's jar");
                }
            }
        }
    }

    /** A notebook next to {@code lesson} that starts like it (its %jars line) and draws one small picture. */
    private static Path shortNotebookLike(Path lesson) throws IOException {
        JsonObject notebook = NotebooksTest.read(lesson);
        JsonArray cells = new JsonArray();
        JsonObject firstCode = notebook.getAsJsonArray("cells").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(cell -> cell.get("cell_type").getAsString().equals("code")).findFirst().orElseThrow();
        cells.add(firstCode);
        cells.add(codeCell("org.poolinglab.plot.Plots.heatmap(org.poolinglab.FeatureMap.of("
                + "new double[][] {{1, 2}, {3, 4}}), \"from the course folder\")"));
        notebook.add("cells", cells);
        return Files.writeString(lesson.resolveSibling("installed.ipynb"), notebook.toString());
    }

    private static JsonObject codeCell(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.addProperty("id", "drawn-from-the-course-folder");
        cell.add("execution_count", JsonNull.INSTANCE);
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.addProperty("source", source);
        return cell;
    }

    @Test
    void leavesAnotherKernelNamedJavaAsItIs() throws Exception {
        String ijava = """
                {"argv": ["java", "-jar", "{resource_dir}/ijava-1.3.0.jar", "{connection_file}"],
                 "display_name": "Java", "language": "java"}
                """;
        Path foreign = write(prefix.resolve("share/jupyter/kernels/java/kernel.json"), ijava);

        Result install = run(List.of(ROOT.resolve("lab").toString(), "setup", "--system", "--prefix", prefix.toString()),
                Map.of());

        assertNotEquals(0, install.status, "the install should stop:\n" + install.output);
        assertTrue(install.output.contains("holds a kernel named 'java' that Pooling Lab did not install"),
                install.output);
        assertEquals(ijava, Files.readString(foreign));
        try (Stream<Path> files = Files.list(foreign.getParent())) {
            assertEquals(List.of(foreign), files.toList(), "nothing was added next to the other kernel");
        }
    }

    private record Result(int status, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 10 minutes:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static JsonObject lastJsonLine(Result result) {
        assertEquals(0, result.status, result.output);
        String last = result.output.strip().lines().reduce((first, second) -> second).orElse("");
        return JsonParser.parseString(last.substring(last.indexOf('{'))).getAsJsonObject();
    }

    private static String python() {
        return System.getenv().getOrDefault("POOLING_LAB_PYTHON", "/usr/bin/python3");
    }

    private static String script() {
        return ROOT.resolve("scripts/notebooks.py").toString();
    }

    private static String pomProperty(String name) throws IOException {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(
                Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(value.find(), name + " in pom.xml");
        return value.group(1);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void assertReadableByEveryone(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ)
                        && (!Files.isDirectory(path) || permissions.contains(PosixFilePermission.OTHERS_EXECUTE)),
                        path + " is not readable by every user: " + permissions);
            }
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
