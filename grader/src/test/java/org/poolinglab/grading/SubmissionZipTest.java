package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

@DisplayName("Grading a zip of submissions")
class SubmissionZipTest {

    private static final byte[] TINY_NOTEBOOK = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void gradesAnExportWithNotebooksAtAnyDepthOneRowPerStudent(@TempDir Path folder) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("assignment_7_export/submission_101/pooling-exercises.ipynb", Files.readAllBytes(Submissions.MASTER));
        entries.put("assignment_7_export/submission_102/my work/exercises.ipynb", Files.readAllBytes(Submissions.STUDENT));
        entries.put("assignment_7_export/submission_103/scratch.ipynb", Files.readAllBytes(Submissions.STUDENT));
        entries.put("assignment_7_export/submission_103/pooling-exercises.ipynb", Files.readAllBytes(Submissions.MASTER));
        entries.put("assignment_7_export/submission_101/.ipynb_checkpoints/pooling-exercises-checkpoint.ipynb", TINY_NOTEBOOK);
        entries.put("__MACOSX/assignment_7_export/submission_101/._pooling-exercises.ipynb", new byte[] {0, 5, 22, 7});
        entries.put("assignment_7_export/submission_metadata.yml", "submission_101: ada\n".getBytes(StandardCharsets.UTF_8));
        Path zip = zip(folder.resolve("export.zip"), entries);
        Path out = folder.resolve("graded");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = GradeCommand.run(new String[] {zip.toString(), "--out", out.toString(), "--jobs", "2"},
                new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));

        assertEquals(0, status, printed.toString());
        Table gradebook = Table.read().usingOptions(CsvReadOptions.builder(out.resolve("gradebook.csv").toFile()));
        assertEquals(List.of("submission_101", "submission_102", "submission_103"), gradebook.stringColumn("student").asList());
        assertEquals(List.of(100, 0, 100), gradebook.intColumn("total").asList());
        assertEquals("graded; 2 notebooks were handed in (pooling-exercises.ipynb, scratch.ipynb); graded "
                + "pooling-exercises.ipynb, the one named like the exercise notebook, and no other. Hand in one notebook only.",
                gradebook.stringColumn("status").get(2));
        assertTrue(Files.exists(out.resolve("students/submission_102/feedback.md")));
        assertTrue(printed.toString().contains("took the notebooks of 3 students from " + zip), printed.toString());
    }

    @Nested
    @DisplayName("names each student")
    class Names {

        @Test
        void byTheFileNameWhenTheNotebooksLieSideBySide(@TempDir Path folder) throws Exception {
            // Canvas: one flat folder, the student in the file name.
            Map<String, Path> notebooks = extract(folder, "lovelaceada_1001_2001_pooling-exercises.ipynb",
                    "hopper grace_1002_2002_pooling-exercises.ipynb");
            assertEquals(List.of("hopper grace_1002_2002_pooling-exercises", "lovelaceada_1001_2001_pooling-exercises"),
                    List.copyOf(notebooks.keySet()));
        }

        @Test
        void byTheFolderWhenEachStudentHasOne(@TempDir Path folder) throws Exception {
            // Moodle: a folder per student, whatever the notebook is called.
            Map<String, Path> notebooks = extract(folder, "Ada Lovelace_1001_assignsubmission_file_/pooling-exercises.ipynb",
                    "Grace Hopper_1002_assignsubmission_file_/work/final.ipynb");
            assertEquals(List.of("Ada Lovelace_1001_assignsubmission_file_", "Grace Hopper_1002_assignsubmission_file_"),
                    List.copyOf(notebooks.keySet()));
            assertTrue(notebooks.values().stream().allMatch(path -> path.startsWith(folder.resolve("out/submissions"))));
        }

        @Test
        void withOnlyLettersDigitsAndPunctuationThatIsSafeInAPath(@TempDir Path folder) throws Exception {
            Map<String, Path> notebooks = extract(folder, "Zoë <admin>|*?.ipynb", " ..x.ipynb");
            assertEquals(List.of("Zoë _admin____", "x"), List.copyOf(notebooks.keySet()).stream().sorted().toList());
        }
    }

    @Test
    void neverWritesOutsideItsOutputFolder(@TempDir Path folder) throws Exception {
        Path out = Files.createDirectories(folder.resolve("a/b/out"));
        Path zip = zip(folder.resolve("slip.zip"), Map.of(
                "../../evil.ipynb", TINY_NOTEBOOK,
                "ok/../../../evil.ipynb", TINY_NOTEBOOK,
                "/tmp/evil-absolute.ipynb", TINY_NOTEBOOK,
                "C:\\evil.ipynb", TINY_NOTEBOOK,
                "ada/pooling-exercises.ipynb", TINY_NOTEBOOK,
                "bob/pooling-exercises.ipynb", TINY_NOTEBOOK));
        SubmissionZip.Extracted extracted = SubmissionZip.extract(zip, new OutputFiles(out), "submissions",
                SubmissionZip.Limits.DEFAULT);

        assertEquals(List.of("ada", "bob"), List.copyOf(extracted.notebooks().keySet()));
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> written = files.filter(Files::isRegularFile).filter(path -> !path.equals(zip)).toList();
            assertTrue(written.stream().allMatch(path -> path.startsWith(out)), written.toString());
        }
        assertFalse(Files.exists(Path.of("/tmp/evil-absolute.ipynb")));
        String note = extracted.notes().get("");
        for (String entry : List.of("../../evil.ipynb", "ok/../../../evil.ipynb", "/tmp/evil-absolute.ipynb", "C:\\evil.ipynb")) {
            assertTrue(note.contains("left aside " + entry + ": its path leads out of the zip"), note);
        }
    }

    @Nested
    @DisplayName("refuses a zip bomb")
    class Bombs {

        @Test
        void anEntryThatExpandsFarMoreThanANotebookDoes(@TempDir Path folder) throws IOException {
            // 40 MB of zeros pack into about 40 KB.
            Path zip = zip(folder.resolve("bomb.zip"), Map.of("ada/bomb.ipynb", new byte[40 << 20]));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = GradeCommand.run(new String[] {zip.toString(), "--out", folder.resolve("out").toString()},
                    new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status);
            assertEquals("grade: " + zip + ": refused: ada/bomb.ipynb expands to more than 100 times its packed size (a zip bomb?)",
                    err.toString().strip());
            assertFalse(Files.exists(folder.resolve("out/submissions/ada")), "nothing of it is written");
        }

        @Test
        void tooManyEntries(@TempDir Path folder) throws IOException {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < 51; i++) {
                entries.put("student" + i + "/notebook.ipynb", TINY_NOTEBOOK);
            }
            SubmissionZip.RefusedException refused = assertThrows(SubmissionZip.RefusedException.class,
                    () -> SubmissionZip.extract(zip(folder.resolve("many.zip"), entries), new OutputFiles(folder.resolve("out")),
                            "submissions", new SubmissionZip.Limits(50, 1 << 20, 1 << 20, 100)));
            assertEquals("it has 51 entries, more than the 50 allowed (a zip bomb?)", refused.getMessage());
        }

        @Test
        void notebooksTooLargeInAll(@TempDir Path folder) throws IOException {
            byte[] noise = new byte[600 << 10];
            new Random(3).nextBytes(noise); // does not pack: only the total is too large
            SubmissionZip.RefusedException refused = assertThrows(SubmissionZip.RefusedException.class,
                    () -> SubmissionZip.extract(zip(folder.resolve("big.zip"), Map.of("ada/x.ipynb", noise, "bob/x.ipynb", noise)),
                            new OutputFiles(folder.resolve("out")), "submissions", new SubmissionZip.Limits(50, 1 << 20, 1 << 20, 100)));
            assertEquals("its notebooks unpack to more than 1.0 MB in all (a zip bomb?)", refused.getMessage());
        }

        @Test
        void aFileThatIsNotAZip(@TempDir Path folder) throws IOException {
            Path notZip = Files.writeString(folder.resolve("submissions.zip"), "not a zip");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = GradeCommand.run(new String[] {notZip.toString(), "--out", folder.resolve("out").toString()},
                    new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status);
            assertTrue(err.toString().startsWith("grade: " + notZip + ": refused: it is not a zip file that can be read"), err.toString());
        }
    }

    private static Map<String, Path> extract(Path folder, String... names) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : names) {
            entries.put(name, TINY_NOTEBOOK);
        }
        return SubmissionZip.extract(zip(folder.resolve("names.zip"), entries), new OutputFiles(folder.resolve("out")),
                "submissions", SubmissionZip.Limits.DEFAULT).notebooks();
    }

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
