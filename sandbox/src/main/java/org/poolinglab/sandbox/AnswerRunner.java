package org.poolinglab.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The untrusted side of grading: the main class of the JVM that holds a student's compiled answers and
 * nothing of the grader. It reads requests from standard input, calls the answer each one names, and
 * writes a reply to standard output: the value returned (or the exception thrown), the arguments as
 * the answer left them, what the answer printed, and the threads and processes it left running (which it
 * then ends). It decides nothing:
 * the grader, in a JVM of its own, holds the tests and judges every reply.
 *
 * <p>A request: the call's number, the answer's class and method, the method's parameter types and
 * the arguments (written by {@link Wire}). The grader waits for each reply only so long, and ends this
 * JVM (and everything it started) when a call takes too long.
 */
public final class AnswerRunner {

    /** How much of what one call prints is sent back; the rest is only counted. */
    public static final int PRINTED_LIMIT = 4096;
    /** How long the threads a call started may take to finish after it returned. */
    private static final long LEFTOVER_MILLIS = 300;
    private static final int MESSAGE_LIMIT = 2000;
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("int", int.class, "long", long.class,
            "double", double.class, "boolean", boolean.class);

    private final OutputStream replies;
    private final CappedOutput printed = new CappedOutput(PRINTED_LIMIT);

    private AnswerRunner(OutputStream replies) {
        this.replies = replies;
    }

    public static void main(String[] args) throws IOException {
        InputStream requests = new BufferedInputStream(new FileInputStream(FileDescriptor.in));
        OutputStream replies = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        AnswerRunner runner = new AnswerRunner(replies);
        PrintStream capture = new CappedPrintStream(runner.printed);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        System.setOut(capture);
        System.setErr(capture);
        // Only System.exit runs shutdown hooks: the grader tells it from Runtime.halt and a crash by this frame.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runner.send(Frames.SHUTDOWN)));
        runner.send(Frames.READY);
        for (DataInputStream request = Frames.read(requests); request != null; request = Frames.read(requests)) {
            byte[] reply = runner.call(request);
            synchronized (runner) {
                Frames.write(replies, reply);
            }
        }
        Runtime.getRuntime().halt(0); // the grader closed the pipe: done, without the shutdown frame
    }

    private synchronized void send(byte kind) {
        try {
            Frames.write(replies, new Frames.Builder(kind).bytes());
        } catch (IOException e) {
            // the grader has gone: nothing to tell
        }
    }

    /** One call: reads the request, calls the answer on a thread of its own, and writes the reply. */
    private byte[] call(DataInputStream request) throws IOException {
        if (request.readByte() != Frames.REQUEST) {
            throw new IOException("expected a request");
        }
        long number = request.readLong();
        String className = request.readUTF();
        String methodName = request.readUTF();
        Class<?>[] parameterTypes = new Class<?>[request.readInt()];
        for (int i = 0; i < parameterTypes.length; i++) {
            parameterTypes[i] = type(request.readUTF());
        }
        Frames.Builder reply = new Frames.Builder(Frames.REPLY);
        DataOutputStream out = reply.out();
        out.writeLong(number);
        Method method;
        try {
            method = Class.forName(className, false, AnswerRunner.class.getClassLoader())
                    .getDeclaredMethod(methodName, parameterTypes);
            method.setAccessible(true);
        } catch (ReflectiveOperationException | LinkageError e) {
            out.writeByte(Outcome.CANNOT_CALL.ordinal());
            Wire.write(out, String.class, "cannot find " + className + "." + methodName + ": " + e);
            return reply.bytes();
        }
        Type[] generic = method.getGenericParameterTypes();
        Object[] arguments = new Object[generic.length];
        for (int i = 0; i < generic.length; i++) {
            arguments[i] = Wire.read(request, generic[i], new Wire.Budget(Long.MAX_VALUE, 64));
        }

        Call call = new Call(method, arguments);
        ThreadGroup group = new ThreadGroup("answer " + number);
        printed.reset();
        try {
            Thread thread = new Thread(group, call, "answer");
            thread.start();
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            call.thrown = e; // no thread for the call: the answer's threads and processes are at the sandbox's limit
        }
        List<Thread> leftRunning = leftRunning(group);
        List<ProcessHandle> processesLeft = processesLeftRunning();

        if (call.thrown == null) {
            out.writeByte(Outcome.RETURNED.ordinal());
            int same = -1;
            for (int i = 0; i < arguments.length; i++) {
                if (call.returned != null && call.returned == arguments[i]) {
                    same = i;
                }
            }
            out.writeInt(same);
            if (same < 0) {
                Wire.write(out, method.getGenericReturnType(), call.returned);
            }
        } else {
            out.writeByte(Outcome.THREW.ordinal());
            Wire.write(out, String.class, call.thrown.getClass().getName());
            String message = call.thrown.getMessage();
            Wire.write(out, String.class, message != null && message.length() > MESSAGE_LIMIT
                    ? message.substring(0, MESSAGE_LIMIT) + "..." : message);
            List<StackTraceElement> frames = new ArrayList<>();
            for (StackTraceElement frame : call.thrown.getStackTrace()) {
                if (frame.getClassName().startsWith("Submission_") && frame.getLineNumber() > 0 && frames.size() < 3) {
                    frames.add(frame);
                }
            }
            out.writeInt(frames.size());
            for (StackTraceElement frame : frames) {
                Wire.write(out, String.class, String.valueOf(frame.getFileName()));
                out.writeInt(frame.getLineNumber());
            }
        }
        for (int i = 0; i < generic.length; i++) {
            if (!parameterTypes[i].isPrimitive()) {
                Wire.write(out, generic[i], arguments[i]); // as the answer left it: the grader checks it was not changed
            }
        }
        Wire.write(out, String.class, printed.kept());
        out.writeLong(printed.written());
        out.writeInt(leftRunning.size());
        Wire.write(out, String.class, leftRunning.isEmpty() ? "" : leftRunning.get(0).getName());
        out.writeInt(processesLeft.size());
        Wire.write(out, String.class, processesLeft.isEmpty() ? ""
                : processesLeft.get(0).info().commandLine().orElse("pid " + processesLeft.get(0).pid()));
        processesLeft.forEach(ProcessHandle::destroyForcibly);
        return reply.bytes();
    }

    /** The processes the call started that still run a moment after it returned (they are then ended). */
    private static List<ProcessHandle> processesLeftRunning() {
        long deadline = System.currentTimeMillis() + LEFTOVER_MILLIS;
        List<ProcessHandle> running = new ArrayList<>();
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            try {
                process.onExit().get(Math.max(1, deadline - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // still running
            }
            if (process.isAlive()) {
                running.add(process);
            }
        }
        return running;
    }

    /** What became of a call. */
    public enum Outcome { RETURNED, THREW, CANNOT_CALL }

    /** The answer's method called with the arguments, on the call's own thread. */
    private static final class Call implements Runnable {
        private final Method method;
        private final Object[] arguments;
        private volatile Object returned;
        private volatile Throwable thrown;

        Call(Method method, Object[] arguments) {
            this.method = method;
            this.arguments = arguments;
        }

        @Override
        public void run() {
            try {
                returned = method.invoke(null, arguments);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            } catch (Throwable e) {
                thrown = e; // an error while the answer's class was set up, say
            }
        }
    }

    /** The threads of the call's group still running a moment after it returned. */
    private static List<Thread> leftRunning(ThreadGroup group) {
        long deadline = System.currentTimeMillis() + LEFTOVER_MILLIS;
        List<Thread> running = new ArrayList<>();
        Thread[] threads = new Thread[Math.max(16, group.activeCount() * 2)];
        int count = group.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            try {
                threads[i].join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (threads[i].isAlive()) {
                running.add(threads[i]);
            }
        }
        return running;
    }

    private static Class<?> type(String name) throws IOException {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        try {
            return Class.forName(name, false, AnswerRunner.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("no type " + name);
        }
    }
}
