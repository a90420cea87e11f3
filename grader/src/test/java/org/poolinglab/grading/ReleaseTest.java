package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.grading.tests.Mistake;

@DisplayName("What the student kit's sources keep")
class ReleaseTest {

    @Test
    void cutsHiddenTestMethodsWithTheCommentAboveThem() {
        String source = """
                class T {
                    @Test
                    void shown() {
                    }

                    // what it checks
                    @Test
                    @Hidden
                    void secret() {
                        check("secret");
                    }
                }
                """;
        assertEquals("""
                class T {
                    @Test
                    void shown() {
                    }
                }
                """, Release.withoutHiddenTests(source));
    }

    @Test
    void cutsHiddenEnumConstantsWithTheirComma() {
        String source = """
                enum M {
                    SHOWN("a"),
                    @Hidden
                    SECRET("the answer",
                            "more of it"),
                    LAST("c");
                }
                """;
        assertEquals("""
                enum M {
                    SHOWN("a"),
                    LAST("c");
                }
                """, Release.withoutHiddenTests(source));
    }

    @Test
    void refusesAHiddenConstantThatIsTheLastOne() {
        String source = "enum M {\n    SHOWN,\n    @Hidden\n    SECRET;\n}\n";
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Release.withoutHiddenTests(source));
        assertTrue(error.getMessage().startsWith("a @Hidden enum constant must be followed by another constant"), error.getMessage());
    }

    @Test
    void theKitsMistakesLeaveOutTheHiddenOnesWords() throws IOException, NoSuchFieldException {
        String source = Files.readString(Path.of("src/main/java/org/poolinglab/grading/tests/Mistake.java"));
        String kept = Release.withoutHiddenTests(source);
        long hidden = 0;
        for (Mistake mistake : Mistake.values()) {
            boolean isHidden = Mistake.class.getField(mistake.name()).isAnnotationPresent(Hidden.class);
            hidden += isHidden ? 1 : 0;
            String words = mistake.label();
            assertEquals(!isHidden, kept.contains("\"" + words + "\""), mistake + ": " + words);
        }
        assertTrue(hidden > 0);
        assertFalse(kept.contains(Mistake.WINDOWS_DEPEND_ON_THE_SIZE.name() + "("),
                "the words of the mistake only the hidden ANY_SIZE task shows would give its answer away");
    }

    @Test
    void theKitsMistakeClassesKeepTheirMethodsButNoneOfTheirCode() throws IOException {
        Path tests = Path.of("src/main/java/org/poolinglab/grading/tests");
        List<Path> mistakes;
        try (java.util.stream.Stream<Path> files = Files.list(tests)) {
            mistakes = files.filter(file -> file.getFileName().toString().endsWith("Mistakes.java")).sorted().toList();
        }
        assertTrue(mistakes.size() >= 7, "the value exercises' mistake classes: " + mistakes);
        for (Path file : mistakes) {
            String source = Files.readString(file);
            String stub = Release.mistakesAsData(source);
            for (String code : List.of("for (", "Pooling.", "PoolSpec", "Variant.of", "Math.")) {
                assertFalse(stub.contains(code), file + "'s stub holds " + code + ":\n" + stub);
            }
            java.util.regex.Matcher method = java.util.regex.Pattern.compile("\\n    static (List<Variant<[^>]+>>) (\\w+)\\(([^)]*)\\)")
                    .matcher(source);
            assertTrue(method.find(), file + " has a variants method");
            do {
                assertTrue(stub.contains("static " + method.group(1) + " " + method.group(2) + "("
                        + method.group(3).replaceAll("\\s+", " ") + ") {\n"
                        + "        return List.of();"), file + "'s stub keeps " + method.group(2) + ":\n" + stub);
            } while (method.find());
        }
    }
}
