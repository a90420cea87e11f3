package org.poolinglab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's kernel as Jupyter starts it (.jupyter/kernels/java/start-kernel, written by ./lab setup): a
 * kernel that cannot listen on one of the ports Jupyter chose for it ends at once and says which port,
 * instead of running on without ever answering.
 */
@DisplayName("the kit's kernel start")
class KernelStartTest {

    private static final Path START_KERNEL = NotebooksTest.ROOT.resolve(".jupyter/kernels/java/start-kernel");
    /** The exit status of KernelMain.CANNOT_START: 75, "temporary failure, try again". */
    private static final int CANNOT_START = 75;

    @TempDir
    Path folder;

    @Test
    void endsSayingWhichPortIsTakenWhenAnotherProcessHasOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int[] others = freePorts(4);
            Path connection = Files.writeString(folder.resolve("kernel-test.json"), """
                    {"shell_port": %d, "iopub_port": %d, "stdin_port": %d, "control_port": %d, "hb_port": %d,
                     "ip": "127.0.0.1", "key": "a-key", "transport": "tcp", "signature_scheme": "hmac-sha256",
                     "kernel_name": "java"}
                    """.formatted(others[0], others[1], others[2], others[3], taken.getLocalPort()));

            Process kernel = new ProcessBuilder("/bin/sh", START_KERNEL.toString(), connection.toString())
                    .redirectErrorStream(true).start();
            boolean ended = kernel.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                kernel.destroyForcibly();
            }
            String said = new String(kernel.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(ended, "the kernel should end, but it still ran after 2 minutes:\n" + said);
            assertEquals(CANNOT_START, kernel.exitValue(), said);
            assertTrue(said.contains("Java kernel (Pooling Lab): cannot listen on heartbeat port " + taken.getLocalPort()
                    + " of " + connection + ": taken by another process"), said);
        }
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        ServerSocket[] held = new ServerSocket[count];
        try {
            for (int i = 0; i < count; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
        } finally {
            for (ServerSocket socket : held) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }
}
