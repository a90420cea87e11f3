package org.poolinglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How the untrusted JVM, the one that runs a student's answers, is started: contained by the operating
 * system, or (only when an instructor asks for it with {@code --uncontained}) not.
 *
 * <p>Contained, the command is {@code prlimit ... setpriv ... bwrap ... java}, each a tool made for
 * its part (Debian: util-linux's {@code prlimit} and {@code setpriv}, and {@code bubblewrap}):
 * <ul>
 *   <li>{@code setpriv} runs it as a user of its own: a user id of a reserved range, with no groups and
 *       no account, one per running sandbox (so two sandboxes never share a process limit), which may
 *       never gain privileges;</li>
 *   <li>{@code bwrap} gives it namespaces of its own: no network; a file system that holds only the
 *       operating system's programs and libraries, the JDK, the runner and the answers (all read-only)
 *       and an empty {@code /tmp}, its only writable place (so no instructor file, no other
 *       submission, no grader is there to read); a process namespace, so when the sandbox ends,
 *       everything the answer started ends with it; an empty environment;</li>
 *   <li>{@code prlimit} bounds it: address space (native memory too), processes and threads, CPU time,
 *       file size, open files, no core dumps.</li>
 * </ul>
 * Setting another user needs root; bubblewrap needs user namespaces. Where either is missing,
 * {@link #contained} says so and grading stops, unless the instructor grades without containment.
 */
final class Containment {

    /** The first user id of the range sandboxes run as; one id per sandbox running at a time. */
    static final int FIRST_UID = 2_000_000_000;
    static final int UIDS = 256;
    static final int PROCESSES = 64;
    static final int OPEN_FILES = 64;
    static final long FILE_BYTES = 16L << 20;
    static final long TMP_BYTES = 16L << 20;
    /** Above the heap: the JVM's own code, classes, threads and malloc's pools. */
    static final long ADDRESS_SPACE_ABOVE_HEAP = 512L << 20;

    private final boolean contained;

    private Containment(boolean contained) {
        this.contained = contained;
    }

    /** Student code in a separate JVM with the grader's own rights: for an instructor's quick look at their own notebooks. */
    static Containment uncontained() {
        return new Containment(false);
    }

    private static volatile String checked;

    /**
     * Contained, as the class comment says; checked once per grader by starting {@code java -version} so.
     *
     * @throws UnavailableException when this machine cannot contain student code, saying why and what to do
     */
    static Containment contained() {
        if (checked == null) {
            synchronized (Containment.class) {
                if (checked == null) {
                    checked = probe();
                }
            }
        }
        if (!checked.isEmpty()) {
            throw new UnavailableException(checked);
        }
        return new Containment(true);
    }

    boolean isContained() {
        return contained;
    }

    /** One line for every report: what held the student's code. */
    String describe(Sandbox.Limits limits) {
        int heapMegabytes = limits.heapMegabytes();
        if (!contained) {
            return "NOT contained (graded with --uncontained): the answers ran in a JVM of their own, but with the "
                    + "grader's user, files and network, and no limits but a " + heapMegabytes + " MB heap";
        }
        return String.format(Locale.ROOT, "contained: the answers ran apart from the tests, in a JVM of their own "
                        + "as a user of their own, with no network, no files but the JDK and their own classes (and an "
                        + "empty /tmp of %d MB), no environment, their own processes (all ended with it), and limits of "
                        + "%d MB address space (heap %d MB), %d processes and threads, %d s CPU, %d MB files, %d open files",
                TMP_BYTES >> 20, addressSpace(heapMegabytes) >> 20, heapMegabytes, PROCESSES, limits.cpuSeconds(), FILE_BYTES >> 20,
                OPEN_FILES);
    }

    /** Why grading cannot go on here. */
    static final class UnavailableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * The command that starts the runner on the classes in {@code runner} and the answers in {@code answers}:
     * contained, with both mounted read-only in the sandbox as {@link #RUNNER} and {@link #ANSWERS}.
     *
     * @param uid the user to run as (contained only; null otherwise)
     */
    List<String> command(Path runner, Path answers, Uid uid, Sandbox.Limits limits) {
        if (!contained) {
            return Sandbox.javaCommand(runner + java.io.File.pathSeparator + answers, limits);
        }
        return contain(Sandbox.javaCommand(RUNNER + ":" + ANSWERS, limits), runner, answers, uid, limits);
    }

    private static List<String> contain(List<String> javaCommand, Path runner, Path answers, Uid uid, Sandbox.Limits limits) {
        List<String> command = new ArrayList<>(List.of("prlimit",
                "--as=" + addressSpace(limits.heapMegabytes()), "--nproc=" + PROCESSES, "--cpu=" + limits.cpuSeconds(),
                "--fsize=" + FILE_BYTES, "--nofile=" + OPEN_FILES, "--core=0", "--",
                "setpriv", "--reuid=" + uid.id(), "--regid=" + uid.id(), "--clear-groups", "--no-new-privs", "--",
                "bwrap", "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", "MALLOC_ARENA_MAX", "2",
                "--proc", "/proc", "--dev", "/dev", "--size", String.valueOf(TMP_BYTES), "--tmpfs", "/tmp",
                "--chdir", "/tmp"));
        for (Path system : List.of(Path.of("/usr"), Path.of("/bin"), Path.of("/lib"), Path.of("/lib64"), Path.of("/lib32"),
                Path.of("/sbin"))) {
            if (Files.isSymbolicLink(system)) {
                command.addAll(List.of("--symlink", readLink(system), system.toString()));
            } else if (Files.isDirectory(system)) {
                command.addAll(List.of("--ro-bind", system.toString(), system.toString()));
            }
        }
        for (Path jdk : jdkFolders()) {
            command.addAll(List.of("--ro-bind", jdk.toString(), jdk.toString()));
        }
        command.addAll(List.of("--ro-bind", runner.toString(), RUNNER, "--ro-bind", answers.toString(), ANSWERS, "--"));
        command.addAll(javaCommand);
        return command;
    }

    /** Where the runner's classes are inside the sandbox. */
    static final String RUNNER = "/sandbox/runner";
    /** Where the compiled answers are inside the sandbox. */
    static final String ANSWERS = "/sandbox/answers";

    static long addressSpace(int heapMegabytes) {
        return ((long) heapMegabytes << 20) + ADDRESS_SPACE_ABOVE_HEAP;
    }

    /** The JDK's folder and the folders its links lead to (Debian keeps its settings in /etc/java-17-openjdk). */
    private static List<Path> jdkFolders() {
        Path home = Path.of(System.getProperty("java.home"));
        List<Path> folders = new ArrayList<>();
        for (Path path : List.of(home, home.resolve("conf"), home.resolve("lib/jvm.cfg"), home.resolve("lib/security/cacerts"))) {
            try {
                Path real = path.toRealPath();
                Path folder = Files.isDirectory(real) ? real : real.getParent();
                if (!folder.startsWith("/usr") && folders.stream().noneMatch(folder::startsWith)) {
                    folders.add(folder);
                }
            } catch (IOException e) {
                // not there: nothing to mount
            }
        }
        return folders;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "" when a contained {@code java -version} runs here, else why not and what to do. */
    private static String probe() {
        if (new com.sun.security.auth.module.UnixSystem().getUid() != 0) {
            return "student code can only be contained when the grader runs as root (it runs each sandbox as a "
                    + "user of its own): run sudo ./lab grade ..., or pass --uncontained to grade your own "
                    + "notebooks without containment";
        }
        for (String tool : List.of("prlimit", "setpriv", "bwrap")) {
            if (!onPath(tool)) {
                return tool + " is missing, so student code cannot be contained: install "
                        + (tool.equals("bwrap") ? "bubblewrap" : "util-linux") + " (./lab setup does), or pass "
                        + "--uncontained to grade your own notebooks without containment";
            }
        }
        try (Uid uid = Uid.lease()) {
            Path empty = Files.createTempDirectory("pooling-lab-probe-");
            try {
                Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rwxr-xr-x"));
                List<String> java = Sandbox.java(Sandbox.Limits.DEFAULT);
                java.add("-version");
                List<String> command = contain(java, empty, empty, uid, Sandbox.Limits.DEFAULT);
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                byte[] output = process.getInputStream().readNBytes(4096);
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "a contained java -version did not finish in 30 s";
                }
                if (process.exitValue() != 0) {
                    return "this machine cannot contain student code (" + new String(output, StandardCharsets.UTF_8).strip()
                            .lines().findFirst().orElse("exit status " + process.exitValue()) + "): bubblewrap needs user "
                            + "namespaces (Debian: sysctl kernel.unprivileged_userns_clone=1); or pass --uncontained to grade "
                            + "your own notebooks without containment";
                }
                return "";
            } finally {
                Files.deleteIfExists(empty);
            }
        } catch (IOException e) {
            return "student code cannot be contained: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A user id of the reserved range, held by this sandbox until closed: a lock file per id, which the
     * operating system releases should the grader die, so no two running sandboxes (of this grader or
     * another) share an id.
     */
    record Uid(int id, FileChannel lock) implements AutoCloseable {

        static Uid lease() throws IOException {
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "pooling-lab-sandbox-uids");
            Files.createDirectories(folder);
            for (int i = 0; i < UIDS; i++) {
                FileChannel channel = FileChannel.open(folder.resolve(String.valueOf(FIRST_UID + i)),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    FileLock held = channel.tryLock();
                    if (held != null) {
                        return new Uid(FIRST_UID + i, channel);
                    }
                } catch (OverlappingFileLockException e) {
                    // held by another thread of this grader
                }
                channel.close();
            }
            throw new IOException("all " + UIDS + " sandbox user ids are in use");
        }

        /**
         * Waits until no process of this user is left, at most {@code limit}: when a sandbox ends, the kernel
         * ends the processes of its namespace one by one.
         *
         * @return false when some were still there after {@code limit}
         */
        boolean awaitNoProcesses(java.time.Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (hasProcesses()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
            return true;
        }

        private boolean hasProcesses() {
            try (java.util.stream.Stream<Path> processes = Files.list(Path.of("/proc"))) {
                return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                        .anyMatch(path -> {
                            try {
                                return Files.getAttribute(path, "unix:uid").equals(id);
                            } catch (IOException | UnsupportedOperationException e) {
                                return false; // ended meanwhile
                            }
                        });
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            lock.close();
        }
    }
}
