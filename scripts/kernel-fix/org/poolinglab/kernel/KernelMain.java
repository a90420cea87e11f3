package org.poolinglab.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * The kit's start of rapaio-jupyter-kernel 3.0.1 (the kernelspec's main class): a kernel that cannot
 * listen on the ports Jupyter chose for it ends at once, saying which port is taken, so that Jupyter
 * can start it again.
 *
 * <p>Jupyter picks a kernel's five ports and writes them to the connection file before it starts the
 * kernel; another process can take one of them meanwhile (on a busy class server, about one kernel in
 * fifty). The kernel's own {@code MainApp} then lets its main thread die on "Address already in use"
 * while its other threads keep the JVM running: Jupyter sees a kernel that runs but never answers, and
 * never starts another. This class first checks that every port is free, then runs {@code MainApp},
 * and ends the JVM when it fails, with {@value #CANNOT_START} as exit status. It also starts the
 * {@link IdleHeapRelease}, which gives the memory an idle kernel no longer needs back to the server.
 */
public final class KernelMain {

    /** The exit status of a kernel that could not start: 75, "temporary failure, try again" (sysexits.h). */
    static final int CANNOT_START = 75;

    private KernelMain() {
    }

    public static void main(String[] args) {
        String connectionFile = args.length == 1 && !args[0].startsWith("-") ? args[0] : null;
        if (connectionFile != null) {
            List<String> taken = takenPorts(connectionFile);
            if (!taken.isEmpty()) {
                end("cannot listen on " + String.join(", ", taken) + " of " + connectionFile
                        + ": taken by another process. Jupyter can start the kernel again on other ports.");
            }
        }
        IdleHeapRelease.start();
        try {
            MainApp.main(args);
        } catch (Throwable failure) {
            List<String> taken = connectionFile == null ? List.of() : takenPorts(connectionFile);
            end("could not start: " + failure
                    + (taken.isEmpty() ? "" : " (taken by another process: " + String.join(", ", taken) + ")"));
        }
    }

    /** The connection file's ports that something else listens on, e.g. "shell port 40123". */
    static List<String> takenPorts(String connectionFile) {
        ConnectionProperties connection;
        try {
            connection = Transform.fromJson(Files.readString(Path.of(connectionFile)), ConnectionProperties.class);
        } catch (IOException | RuntimeException e) {
            return List.of(); // the kernel itself reports a connection file it cannot read
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("shell port", connection.shellPort());
        ports.put("iopub port", connection.iopubPort());
        ports.put("stdin port", connection.stdinPort());
        ports.put("control port", connection.controlPort());
        ports.put("heartbeat port", connection.hbPort());
        List<String> taken = new ArrayList<>();
        ports.forEach((name, port) -> {
            if (!free(connection.ip(), port)) {
                taken.add(name + " " + port);
            }
        });
        return taken;
    }

    private static boolean free(String ip, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(ip))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void end(String message) {
        System.err.println("Java kernel (Pooling Lab): " + message);
        System.err.flush();
        Runtime.getRuntime().halt(CANNOT_START); // halt: the kernel's own threads must not keep the JVM alive
    }
}
