package org.poolinglab.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives the heap an idle kernel no longer needs back to the server: when no request (a cell, say) has
 * run for {@value #QUIET_SECONDS} seconds (the student reads, the notebook waits) and the heap has grown
 * since the last release, one full collection, which compacts the heap and returns the memory that is
 * more than {@code -XX:MaxHeapFreeRatio} free. An idle kernel's heap does not grow, so it is not
 * collected in full again; a running cell, however slowly it runs on a busy server, never is.
 *
 * <p>G1 returns memory only after a full collection or a marking cycle, which a notebook's last cells
 * rarely start: a kernel that ran notebook 06 kept the heap it had grown for training, 800 MB and more
 * in all, until it ended; with this it keeps about 565 MB (282 MB of pictures and networks in use).
 * The kernel's shell channel (the kit's {@code ShellChannel}) reports each request's start and end.
 */
public final class IdleHeapRelease implements Runnable {

    static final int QUIET_SECONDS = 5;

    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static volatile long lastRequestEnded = System.nanoTime();

    private IdleHeapRelease() {
    }

    /** Starts the watch on a daemon thread of its own. */
    static void start() {
        Thread watch = new Thread(new IdleHeapRelease(), "idle heap release");
        watch.setDaemon(true);
        watch.setPriority(Thread.MIN_PRIORITY);
        watch.start();
    }

    /** A request to the kernel (a cell to run, a completion to find) has arrived. */
    public static void requestStarted() {
        RUNNING.incrementAndGet();
    }

    /** A request has been answered. */
    public static void requestEnded() {
        lastRequestEnded = System.nanoTime();
        RUNNING.decrementAndGet();
    }

    @Override
    public void run() {
        long heapAfterRelease = 0;
        try {
            while (true) {
                Thread.sleep(1000);
                boolean idle = RUNNING.get() == 0 && System.nanoTime() - lastRequestEnded >= QUIET_SECONDS * 1_000_000_000L;
                if (idle && Runtime.getRuntime().totalMemory() > heapAfterRelease) {
                    System.gc();
                    heapAfterRelease = Runtime.getRuntime().totalMemory();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
