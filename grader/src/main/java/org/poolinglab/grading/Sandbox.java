package org.poolinglab.grading;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.poolinglab.sandbox.AnswerRunner;
import org.poolinglab.sandbox.CappedOutput;
import org.poolinglab.sandbox.Frames;
import org.poolinglab.sandbox.Wire;

/**
 * One untrusted JVM, seen from the grader: it holds a submission's compiled answers and the runner
 * ({@link AnswerRunner}), and nothing else; {@link Containment} decides how it is held. The grader
 * calls an answer with {@link #call}, which waits for the reply only so long, reads it within a
 * budget, and believes nothing of it but data of the types it asked for. A sandbox that does not
 * reply in time, breaks the protocol, or ends, is ended, with everything it started.
 */
public final class Sandbox implements AutoCloseable {

    /**
     * The limits for one submission.
     *
     * @param timeLimit     wall-clock time for all of a submission's tests; also the CPU time of each sandbox
     * @param heapMegabytes the untrusted JVM's heap
     */
    public record Limits(Duration timeLimit, int heapMegabytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 256);

        long cpuSeconds() {
            return Math.max(1, timeLimit.toSeconds());
        }
    }

    /** Why a sandbox gave no reply: in words for the student. */
    static final class EndedException extends Exception {
        private static final long serialVersionUID = 1L;

        EndedException(String message) {
            super(message);
        }
    }

    /** What a call did, as read from the reply, and the CPU time it took. */
    record Reply(Object value, int sameAsArgument, String thrownClass, String thrownMessage, List<String> thrownAt,
                 Object[] argumentsAfter, String printed, long printedBytes, int threadsLeft, String threadLeft,
                 int processesLeft, String processLeft, long cpuNanos) {

        boolean threw() {
            return thrownClass != null;
        }
    }

    /** How many values (numbers, characters, elements) one reply may hold: 64 MB of doubles. */
    private static final long REPLY_VALUES = 8L << 20;
    private static final int STDERR_KEPT = 4096;
    private static final Duration START_TIME = Duration.ofSeconds(30);
    private static final int OOM_EXIT = 3; // the status -XX:+ExitOnOutOfMemoryError exits with
    private static final int KILLED = 128 + 9;
    private static final Object END = new Object();
    /** How often a call that has not replied yet has its time looked at. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final SecureRandom NUMBERS = new SecureRandom();
    /**
     * Starts every sandbox: bubblewrap ends a sandbox when the thread that started it ends, so one thread
     * that lives as long as the grader starts them all.
     */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sandbox launcher");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final Containment.Uid uid;
    private final Limits limits;
    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final CappedOutput stderr = new CappedOutput(STDERR_KEPT);
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean shutdownSeen;

    private Sandbox(Process process, Containment.Uid uid, Limits limits) {
        this.process = process;
        this.uid = uid;
        this.limits = limits;
    }

    /** The untrusted JVM's command without its containment: the runner on {@code classpath}. */
    static List<String> javaCommand(String classpath, Limits limits) {
        List<String> command = java(limits);
        command.addAll(List.of("-cp", classpath, AnswerRunner.class.getName()));
        return command;
    }

    /**
     * {@code java} with the untrusted JVM's options: small heap, quick start, no windows, and the JVM's own
     * reservations (classes, compiled code, direct buffers) small enough to fit the address-space limit.
     */
    static List<String> java(Limits limits) {
        return new ArrayList<>(List.of(Containment.java(),
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss2m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MaxMetaspaceSize=64m", "-XX:CompressedClassSpaceSize=32m", "-XX:ReservedCodeCacheSize=32m",
                "-XX:MaxDirectMemorySize=32m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                // the JVM's own messages go to stderr, never into the pipe of replies
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Djava.awt.headless=true"));
    }

    /**
     * Starts a sandbox on the runner's classes and a submission's compiled answers, and waits until it is ready.
     *
     * @throws EndedException when it does not start
     */
    static Sandbox start(Containment containment, Path runner, Path answers, Limits limits) throws EndedException {
        Containment.Uid uid = null;
        Process process;
        try {
            uid = containment.isContained() ? Containment.Uid.lease() : null;
            List<String> command = containment.command(runner, answers, uid, limits);
            process = LAUNCHER.submit(() -> new ProcessBuilder(command).start()).get();
        } catch (IOException | ExecutionException e) {
            closeQuietly(uid);
            throw new IllegalStateException("cannot start a sandbox: " + (e.getCause() != null ? e.getCause() : e), e);
        } catch (InterruptedException e) {
            closeQuietly(uid);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Sandbox sandbox = new Sandbox(process, uid, limits);
        sandbox.readFrames(process.getInputStream());
        sandbox.readErrors(process.getErrorStream());
        try {
            DataInputStream ready = sandbox.nextFrame(START_TIME.toNanos());
            if (ready == null || ready.readByte() != Frames.READY) {
                throw new EndedException("the sandbox did not start: " + sandbox.firstErrorLine());
            }
        } catch (IOException e) {
            sandbox.close();
            throw new EndedException("the sandbox did not start: " + e.getMessage());
        } catch (EndedException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    /**
     * How long a call may take: CPU time of the sandbox (all its threads and processes), which no load on the
     * machine can make a correct answer exceed, and wall-clock time, for an answer that only waits.
     *
     * @param cpuMessage  what to say when the CPU time runs out
     * @param wallMessage what to say when the wall-clock time runs out
     */
    record TimeLimit(long cpuNanos, long wallNanos, String cpuMessage, String wallMessage) {
    }

    /**
     * Calls {@code className.methodName}, whose parameters and result are those of {@code signature}, and
     * returns what it did. The arguments go as data; the reply is read as data of the signature's types.
     *
     * @throws EndedException when the sandbox gives no reply within {@code limit} (then it is ended), or
     *                        ends, or breaks the protocol
     */
    Reply call(String className, String methodName, Method signature, Object[] arguments, TimeLimit limit)
            throws EndedException {
        long number = NUMBERS.nextLong();
        Type[] parameters = signature.getGenericParameterTypes();
        try {
            Frames.Builder request = new Frames.Builder(Frames.REQUEST);
            request.out().writeLong(number);
            request.out().writeUTF(className);
            request.out().writeUTF(methodName);
            request.out().writeInt(parameters.length);
            for (Class<?> type : signature.getParameterTypes()) {
                request.out().writeUTF(type.getName());
            }
            for (int i = 0; i < parameters.length; i++) {
                Wire.write(request.out(), parameters[i], arguments[i]);
            }
            OutputStream toSandbox = process.getOutputStream();
            Frames.write(toSandbox, request.bytes());
        } catch (IOException e) {
            throw ended("its pipe closed (" + e.getMessage() + ")");
        }
        // Most calls reply within the first look, and count that wall-clock time as their CPU time; a call that
        // takes longer has its CPU time read from its processes at every look after that.
        DataInputStream reply;
        long started = System.nanoTime();
        long wallDeadline = started + limit.wallNanos();
        long cpuAtSecondLook = -1;
        long cpuUsed;
        try {
            reply = nextFrame(Math.min(POLL_NANOS, limit.wallNanos()));
            cpuUsed = System.nanoTime() - started;
            while (reply == null) {
                long cpu = cpuNanos();
                cpuAtSecondLook = cpuAtSecondLook < 0 ? cpu : cpuAtSecondLook;
                cpuUsed = POLL_NANOS + cpu - cpuAtSecondLook;
                String tooSlow = System.nanoTime() >= wallDeadline ? limit.wallMessage()
                        : cpuUsed >= limit.cpuNanos() ? limit.cpuMessage() : null;
                if (tooSlow != null) {
                    close();
                    throw new EndedException(tooSlow);
                }
                reply = nextFrame(Math.min(POLL_NANOS, Math.max(0, wallDeadline - System.nanoTime())));
            }
        } catch (IOException e) {
            throw brokeTheProtocol(e);
        }
        try {
            return read(reply, number, signature, cpuUsed);
        } catch (IOException e) {
            throw brokeTheProtocol(e);
        }
    }

    /** A reply that was not one: the sandbox's end, when it is ending (what it wrote last may be cut short), else the broken protocol. */
    private EndedException brokeTheProtocol(IOException e) {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return ended(null);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        close();
        return new EndedException("broke the grader's protocol (" + e.getMessage() + "); do not write to "
                + "FileDescriptor.out, print with System.out instead");
    }

    private Reply read(DataInputStream in, long number, Method signature, long cpuUsed) throws IOException, EndedException {
        Wire.Budget budget = new Wire.Budget(REPLY_VALUES, 16);
        if (in.readByte() != Frames.REPLY || in.readLong() != number) {
            throw new Wire.WireException("a reply to another request");
        }
        AnswerRunner.Outcome[] outcomes = AnswerRunner.Outcome.values();
        int outcome = in.readByte();
        if (outcome < 0 || outcome >= outcomes.length) {
            throw new Wire.WireException("no outcome " + outcome);
        }
        if (outcomes[outcome] == AnswerRunner.Outcome.CANNOT_CALL) {
            throw new IllegalStateException("the grader could not call the answer: " + Wire.read(in, String.class, budget));
        }
        Object value = null;
        int same = -1;
        String thrownClass = null;
        String thrownMessage = null;
        List<String> thrownAt = new ArrayList<>();
        Type[] parameters = signature.getGenericParameterTypes();
        if (outcomes[outcome] == AnswerRunner.Outcome.RETURNED) {
            same = in.readInt();
            if (same < -1 || same >= parameters.length) {
                throw new Wire.WireException("no argument " + same);
            }
            value = same < 0 ? Wire.read(in, signature.getGenericReturnType(), budget) : null;
        } else {
            thrownClass = (String) Wire.read(in, String.class, budget);
            thrownMessage = (String) Wire.read(in, String.class, budget);
            int frameCount = in.readInt();
            if (frameCount < 0 || frameCount > 3) {
                throw new Wire.WireException(frameCount + " frames");
            }
            for (int i = 0; i < frameCount; i++) {
                thrownAt.add(Wire.read(in, String.class, budget) + ":" + in.readInt());
            }
        }
        Object[] after = new Object[parameters.length];
        Class<?>[] raw = signature.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            after[i] = raw[i].isPrimitive() ? null : Wire.read(in, parameters[i], budget);
        }
        String printed = (String) Wire.read(in, String.class, budget);
        long printedBytes = in.readLong();
        int threadsLeft = in.readInt();
        String threadLeft = (String) Wire.read(in, String.class, budget);
        int processesLeft = in.readInt();
        String processLeft = (String) Wire.read(in, String.class, budget);
        if (in.available() > 0) {
            throw new Wire.WireException("a reply longer than it should be");
        }
        return new Reply(value, same, thrownClass, thrownMessage, thrownAt, after, printed == null ? "" : printed,
                printedBytes, threadsLeft, threadLeft == null ? "" : threadLeft, processesLeft,
                processLeft == null ? "" : processLeft, cpuUsed);
    }

    /** The next frame within {@code nanos}: null when none came in time; the sandbox's end as an {@link EndedException}. */
    private DataInputStream nextFrame(long nanos) throws IOException, EndedException {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            Object next;
            try {
                next = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ended("interrupted");
            }
            if (next == null) {
                return null;
            }
            if (next == END) {
                throw ended(null);
            }
            if (next instanceof IOException broken) {
                throw broken;
            }
            DataInputStream frame = (DataInputStream) next;
            frame.mark(1);
            if (frame.readByte() == Frames.SHUTDOWN) {
                shutdownSeen = true;
                continue;
            }
            frame.reset();
            return frame;
        }
    }

    /** Ends the sandbox and says why it ended by itself (or {@code reason}, when the grader ended it). */
    private EndedException ended(String reason) {
        int status;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            status = process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        close();
        if (reason != null) {
            return new EndedException(reason);
        }
        if (shutdownSeen) {
            return new EndedException("called System.exit(" + status + "), which ends the program; return a value instead");
        }
        if (status == OOM_EXIT && stderr.text().contains("OutOfMemoryError")) {
            return new EndedException("ran out of memory (the heap is limited to " + limits.heapMegabytes() + " MB)");
        }
        if (status == KILLED) {
            return new EndedException("was ended by the sandbox's limits (" + limits.cpuSeconds() + " s of CPU time, "
                    + (Containment.addressSpace(limits.heapMegabytes()) >> 20) + " MB of memory in all)");
        }
        return new EndedException("stopped the JVM at once (Runtime.halt(" + status + ") or a crash); return a value instead");
    }

    private String firstErrorLine() {
        return stderr.text().lines().filter(line -> !line.isBlank()).findFirst().orElse("it said nothing");
    }

    private void readFrames(InputStream in) {
        Thread reader = new Thread(() -> {
            try {
                for (DataInputStream frame = Frames.read(in); frame != null; frame = Frames.read(in)) {
                    frames.add(frame);
                }
                frames.add(END);
            } catch (IOException e) {
                frames.add(e);
            }
        }, "sandbox replies");
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    private void readErrors(InputStream in) {
        Thread reader = new Thread(() -> {
            try {
                in.transferTo(stderr);
            } catch (IOException e) {
                // the sandbox has ended
            }
        }, "sandbox errors");
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    /**
     * Ends the sandbox and everything it started, and frees its user id once none of its processes is left
     * (a process counts against its user's limit until it is gone, so the next sandbox with this id starts
     * with the whole limit).
     */
    @Override
    public void close() {
        // Inside first: bubblewrap then sees its sandbox end and reaps it, so no process is left to an init
        // that may be slow to reap orphans (a process counts against its user's limit until reaped).
        if (uid != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        try {
            if (uid == null || !process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            process.waitFor(10, TimeUnit.SECONDS);
            for (Thread reader : readers) {
                reader.join(2000);
            }
            if (uid != null) {
                uid.awaitNoProcesses(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(uid);
    }

    /** The CPU time the sandbox's processes have used so far, all their threads together. */
    long cpuNanos() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static void closeQuietly(Containment.Uid uid) {
        try {
            if (uid != null) {
                uid.close();
            }
        } catch (IOException e) {
            // the lock goes with the grader at the latest
        }
    }
}
