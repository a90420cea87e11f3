package org.poolinglab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a pooling loop over the planes of a map (each batch entry and channel), split across threads when
 * the map is large. Every plane is pooled by the same code whichever thread runs it, and each thread writes
 * only its own planes of the result, so the result is the same, bit for bit, on any number of threads.
 */
final class Planes {

    /**
     * Cells (read plus written) there must be per thread before a call is split, so that handing a part to
     * another thread stays small next to pooling it: on a 2-core test machine the hand-over took 3 to 10
     * microseconds, and pooling this many cells 100 (max pooling) to 450 (with indices). A 28x28 image with
     * up to 160 channels stays on the caller's thread.
     */
    static final long CELLS_PER_THREAD = 1 << 17;

    /** A pooling loop over planes {@code [first, end)}. */
    interface Loop {
        void run(int first, int end);
    }

    private static volatile int threads = Runtime.getRuntime().availableProcessors();

    private Planes() {
    }

    /** See {@link Pooling#setThreads}. */
    static void setThreads(int count) {
        threads = Check.atLeast("threads", count, 1);
    }

    static int threads() {
        return threads;
    }

    /**
     * Runs {@code loop} over planes {@code [0, planes)}: on the caller's thread alone, or in contiguous parts
     * on up to {@link #threads()} threads, as many as there are {@link #CELLS_PER_THREAD} cells for. The caller
     * runs the first part, the JVM's shared fork-join pool the others (so no thread of this library's own
     * outlives a call).
     *
     * @param cellsPerPlane the cells one plane reads and writes, e.g. input plane plus output plane
     */
    static void forEach(int planes, long cellsPerPlane, Loop loop) {
        int count = threads;
        long bySize = planes * cellsPerPlane / CELLS_PER_THREAD;
        int parts = (int) Math.min(Math.min(count, planes), bySize);
        if (parts <= 1) {
            loop.run(0, planes);
            return;
        }
        ForkJoinPool pool = ForkJoinPool.commonPool();
        List<ForkJoinTask<?>> others = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int first = (int) ((long) planes * part / parts);
            int end = (int) ((long) planes * (part + 1) / parts);
            others.add(pool.submit(() -> loop.run(first, end)));
        }
        loop.run(0, (int) ((long) planes / parts));
        others.forEach(ForkJoinTask::join);
    }
}
