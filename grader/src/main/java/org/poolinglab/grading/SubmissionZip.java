package org.poolinglab.grading;

import org.poolinglab.sandbox.CappedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip of submissions as an LMS or Gradescope exports it: notebooks at any depth, each student named by
 * the first folder or file name in which the notebooks' paths differ (Gradescope's
 * {@code export/submission_123/notebook.ipynb} gives {@code submission_123}, Canvas's flat
 * {@code ada_123_notebook.ipynb} gives {@code ada_123_notebook}, Moodle's {@code Ada Lovelace_123_.../x.ipynb}
 * gives the folder). Only notebooks are read, and only into files the grader names itself under the
 * output folder, so no entry can write anywhere else (zip-slip); a zip bomb is refused before it can
 * fill the disk: too many entries, a notebook or a total too large, or an entry that expands too much.
 */
final class SubmissionZip {

    /**
     * What a zip may hold.
     *
     * @param entries       entries in all (files and folders, notebooks or not)
     * @param notebookBytes one notebook, unpacked
     * @param totalBytes    all notebooks, unpacked
     * @param ratio         how many times its packed size an entry may expand to (checked past the first megabyte)
     */
    record Limits(int entries, long notebookBytes, long totalBytes, int ratio) {
        static final Limits DEFAULT = new Limits(10_000, 50L << 20, 2L << 30, 100);
    }

    /**
     * The notebooks taken from a zip.
     *
     * @param notebooks student name to the notebook to grade, in name order
     * @param notes     per student, which of several notebooks was graded; under the key "", entries left
 *                  aside and earlier files kept
     */
    record Extracted(Map<String, Path> notebooks, Map<String, String> notes) {
    }

    /** Why a zip was refused: not a zip, or a zip bomb. */
    static final class RefusedException extends Exception {

        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private static final long RATIO_CHECKED_AFTER = 1 << 20;

    private SubmissionZip() {
    }

    /** Takes every notebook of {@code zip} into {@code files} under {@code folder}/&lt;student&gt;/. */
    static Extracted extract(Path zip, OutputFiles files, String folder, Limits limits) throws RefusedException, IOException {
        try (ZipFile archive = open(zip)) {
            if (archive.size() > limits.entries()) {
                throw new RefusedException("it has " + archive.size() + " entries, more than the " + limits.entries()
                        + " allowed (a zip bomb?)");
            }
            List<ZipEntry> notebooks = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (ZipEntry entry : Collections.list(archive.entries())) {
                List<String> parts = parts(entry.getName());
                if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
                    continue;
                }
                if (entry.getName().startsWith("/") || entry.getName().startsWith("\\") || parts.contains("..")
                        || parts.get(0).matches("[A-Za-z]:")) {
                    skipped.add("left aside " + entry.getName() + ": its path leads out of the zip");
                } else if (parts.stream().noneMatch(part -> part.startsWith(".") || part.equals("__MACOSX"))) {
                    notebooks.add(entry); // not a copy an editor (.ipynb_checkpoints) or macOS (__MACOSX, ._x) keeps aside
                }
            }
            Map<String, List<ZipEntry>> byStudent = byStudent(notebooks);
            Map<String, List<Path>> written = new TreeMap<>();
            long total = 0;
            for (Map.Entry<String, List<ZipEntry>> student : byStudent.entrySet()) {
                Set<String> names = new HashSet<>();
                for (ZipEntry entry : student.getValue()) {
                    byte[] bytes = read(archive, entry, limits, limits.totalBytes() - total);
                    total += bytes.length;
                    String name = unique(safeName(lastPart(entry.getName()).replaceAll("(?i)\\.ipynb$", "")), names) + ".ipynb";
                    String relative = folder + "/" + student.getKey() + "/" + name;
                    String note = files.write(relative, bytes);
                    if (note != null) {
                        skipped.add(note);
                    }
                    written.computeIfAbsent(student.getKey(), key -> new ArrayList<>()).add(files.root().resolve(relative));
                }
            }
            Map<String, Path> chosen = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            written.forEach((student, paths) -> {
                NotebookChoice choice = NotebookChoice.of(paths);
                chosen.put(student, choice.notebook());
                if (choice.note() != null) {
                    notes.put(student, choice.note());
                }
            });
            if (!skipped.isEmpty()) {
                notes.put("", String.join("; ", skipped));
            }
            return new Extracted(chosen, notes);
        }
    }

    private static ZipFile open(Path zip) throws RefusedException, IOException {
        for (Charset names : List.of(StandardCharsets.UTF_8, Charset.forName("IBM437"))) {
            try {
                return new ZipFile(zip.toFile(), names); // Windows tools may write names in the old DOS code page
            } catch (ZipException e) {
                if (names != StandardCharsets.UTF_8) {
                    throw new RefusedException("it is not a zip file that can be read (" + e.getMessage() + ")");
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Reads an entry, counting what it really expands to (a header can lie about its size). */
    private static byte[] read(ZipFile archive, ZipEntry entry, Limits limits, long totalLeft) throws RefusedException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long packed = Math.max(1, entry.getCompressedSize());
        try (InputStream in = archive.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                long size = bytes.size();
                if (size > limits.notebookBytes()) {
                    throw new RefusedException(entry.getName() + " unpacks to more than " + CappedOutput.size(limits.notebookBytes())
                            + ", more than any notebook needs (a zip bomb?)");
                }
                if (size > totalLeft) {
                    throw new RefusedException("its notebooks unpack to more than " + CappedOutput.size(limits.totalBytes())
                            + " in all (a zip bomb?)");
                }
                if (size > RATIO_CHECKED_AFTER && size > packed * limits.ratio()) {
                    throw new RefusedException(entry.getName() + " expands to more than " + limits.ratio()
                            + " times its packed size (a zip bomb?)");
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Groups notebooks by student: the first path element (folder or file name) after the folders all the
     * notebooks share.
     */
    private static Map<String, List<ZipEntry>> byStudent(List<ZipEntry> notebooks) {
        int shared = notebooks.isEmpty() ? 0 : parts(notebooks.get(0).getName()).size() - 1;
        for (ZipEntry entry : notebooks) {
            List<String> first = parts(notebooks.get(0).getName());
            List<String> parts = parts(entry.getName());
            int common = 0;
            while (common < Math.min(shared, parts.size() - 1) && parts.get(common).equals(first.get(common))) {
                common++;
            }
            shared = common;
        }
        Map<String, List<ZipEntry>> byRawName = new TreeMap<>();
        for (ZipEntry entry : notebooks) {
            String raw = parts(entry.getName()).get(shared).replaceAll("(?i)\\.ipynb$", "");
            byRawName.computeIfAbsent(raw, key -> new ArrayList<>()).add(entry);
        }
        Map<String, List<ZipEntry>> byStudent = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        byRawName.forEach((raw, entries) -> byStudent.put(unique(safeName(raw), taken), entries));
        return byStudent;
    }

    private static List<String> parts(String name) {
        return Arrays.stream(name.replace('\\', '/').split("/")).filter(part -> !part.isEmpty() && !part.equals(".")).toList();
    }

    private static String lastPart(String name) {
        List<String> parts = parts(name);
        return parts.get(parts.size() - 1);
    }

    /** A name that is safe as a folder or file name anywhere: letters, digits, space, dot, dash, underscore, at. */
    static String safeName(String raw) {
        String safe = raw.replaceAll("[^\\p{L}\\p{N} ._@-]", "_").replaceAll("^[. ]+", "").strip();
        safe = safe.length() > 80 ? safe.substring(0, 80).strip() : safe;
        return safe.isEmpty() ? "student" : safe;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
