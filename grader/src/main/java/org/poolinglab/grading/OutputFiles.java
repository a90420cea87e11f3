package org.poolinglab.grading;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Writes the grader's output files without ever losing someone's edits: the grader remembers a hash of
 * every file it writes (in {@code .grader-files.json}); a file that is there but is not what the grader
 * last wrote (an instructor edited the gradebook, say) is kept under a new name before it is replaced.
 */
final class OutputFiles {

    private static final String MANIFEST = ".grader-files.json";

    private final Path root;
    private final JsonObject manifest;

    OutputFiles(Path root) {
        this.root = root;
        Path file = root.resolve(MANIFEST);
        JsonObject read = new JsonObject();
        try {
            if (Files.exists(file)) {
                read = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            }
        } catch (IOException | RuntimeException e) {
            read = new JsonObject(); // unreadable manifest: every existing file counts as someone's
        }
        this.manifest = read;
    }

    /** The folder the files are written into. */
    Path root() {
        return root;
    }

    /** Writes {@code bytes} to {@code relative} under the root; returns a note when an edited file was kept aside, else null. */
    synchronized String write(String relative, byte[] bytes) {
        Path target = root.resolve(relative);
        if (!target.normalize().startsWith(root.normalize())) {
            throw new IllegalArgumentException(relative + " would be written outside " + root);
        }
        String note = null;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            if (Files.exists(target)) {
                String current = sha256(Files.readAllBytes(target));
                boolean ours = manifest.has(relative) && manifest.get(relative).getAsString().equals(current);
                if (!ours && !current.equals(sha256(bytes))) {
                    Path kept = target.resolveSibling(keptName(target.getFileName().toString()));
                    Files.move(target, kept, StandardCopyOption.ATOMIC_MOVE);
                    note = "kept the earlier " + relative + ", which was not the grader's, as " + root.relativize(kept);
                }
            }
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            manifest.addProperty(relative, sha256(bytes));
            Files.writeString(root.resolve(MANIFEST), new Gson().toJson(manifest), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return note;
    }

    String write(String relative, String text) {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String keptName(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name + "." + stamp : name.substring(0, dot) + "." + stamp + name.substring(dot);
    }

    /** The hash of a file's bytes, read as a stream (a file of any size costs no memory); "" when it cannot be read. */
    static String sha256(Path file) {
        try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((java.security.DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
