package org.poolinglab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The sandbox's own classes")
class SandboxClassesTest {

    @Test
    void areEveryClassOfThisModuleAndNothingElse(@TempDir Path folder) throws IOException, java.net.URISyntaxException {
        SandboxClasses.write(folder);
        Path module = Path.of(SandboxClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(classFiles(module), classFiles(folder),
                "SandboxClasses.RUNNER and EXERCISE_TYPES must list every class of the sandbox module");
    }

    private static List<String> classFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".class")).map(path -> root.relativize(path).toString())
                    .filter(name -> !name.endsWith("package-info.class")).sorted().toList();
        }
    }
}
