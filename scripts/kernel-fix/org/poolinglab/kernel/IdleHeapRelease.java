package org.poolinglab.kernel;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives the heap an idle kernel no longer needs back to the server: when the heap has grown since the
 * last release and {@value #QUIET_SECONDS} seconds have passed without a collection (the student reads,
 * the notebook waits), one full collection, which compacts the heap and returns the memory that is more
 * than {@code -XX:MaxHeapFreeRatio} free. An idle kernel's heap does not grow, so it is not collected
 * in full again.
 *
 * <p>A running cell that allocates keeps the collector busy and is never interrupted. Notebook 06 needs
 * 800-900 MB of heap while it trains and holds 290 MB of pictures and networks afterwards; without
 * this, the kernel would hold the whole 800-900 MB until it ends.
 */
final class IdleHeapRelease implements Runnable {

    static final int QUIET_SECONDS = 5;

    private IdleHeapRelease() {
    }

    /** Starts the watch on a daemon thread of its own. */
    static void start() {
        Thread watch = new Thread(new IdleHeapRelease(), "idle heap release");
        watch.setDaemon(true);
        watch.setPriority(Thread.MIN_PRIORITY);
        watch.start();
    }

    @Override
    public void run() {
        long seen = 0;
        long quietSince = System.nanoTime();
        long heapAfterRelease = 0;
        try {
            while (true) {
                Thread.sleep(1000);
                long now = collections();
                if (now != seen) {
                    seen = now;
                    quietSince = System.nanoTime();
                } else if (Runtime.getRuntime().totalMemory() > heapAfterRelease
                        && System.nanoTime() - quietSince >= QUIET_SECONDS * 1_000_000_000L) {
                    System.gc();
                    seen = collections();
                    heapAfterRelease = Runtime.getRuntime().totalMemory();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many collections every collector of this JVM has made so far. */
    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }
}
