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

    /** One pool per thread count, made on first use; its threads are daemons and end when idle. */
    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private Parallel() {
    }

    /** Splits {@code [0, count)} into {@code threads} contiguous ranges and runs them at the same time. */
    static void forEach(int threads, int count, IntConsumer task) {
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        List<ForkJoinTask<?>> running = new ArrayList<>(parts);
        ForkJoinPool pool = POOLS.computeIfAbsent(threads, ForkJoinPool::new);
        for (int part = 0; part < parts; part++) {
            int from = (int) ((long) count * part / parts);
            int to = (int) ((long) count * (part + 1) / parts);
            running.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    task.accept(i);
                }
            }));
        }
        running.forEach(ForkJoinTask::join);
    }
}
