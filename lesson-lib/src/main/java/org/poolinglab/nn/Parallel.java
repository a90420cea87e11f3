package org.poolinglab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * Runs {@code task(0), task(1), ..., task(count - 1)} on several threads. Every task must write only
 * its own part of the result (one image, or one filter's gradient), so the result is the same, bit for
 * bit, whatever the number of threads: no floating-point sum is ever split between threads.
 */
final class Parallel {

    /** The helper threads for each thread count (one fewer), made on first use; daemons that end when idle. */
    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private Parallel() {
    }

    /**
     * Splits {@code [0, count)} into {@code threads} contiguous ranges and runs them at the same time:
     * the first on the caller's thread, the others on the pool's.
     */
    static void forEach(int threads, int count, IntConsumer task) {
        int parts = Math.max(1, Math.min(threads, count));
        List<ForkJoinTask<?>> others = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            int from = (int) ((long) count * part / parts);
            int to = (int) ((long) count * (part + 1) / parts);
            others.add(POOLS.computeIfAbsent(threads - 1, ForkJoinPool::new).submit(() -> run(task, from, to)));
        }
        run(task, 0, count / parts);
        others.forEach(ForkJoinTask::join);
    }

    private static void run(IntConsumer task, int from, int to) {
        for (int i = from; i < to; i++) {
            task.accept(i);
        }
    }
}
