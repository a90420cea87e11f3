package org.poolinglab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * How lesson-lib shares its work among the processor's cores without changing a single bit of any
 * result. The work is cut into contiguous parts that each write only their own cells of the result (whole
 * planes of a pooled map, whole images of a batch, whole filters of a gradient), so no floating-point sum
 * is ever split between threads, and every item is computed by the same code whichever thread runs it.
 * The caller runs the first part; the JVM's shared fork-join pool runs the others, so no thread of
 * lesson-lib's own outlives a call.
 *
 * <p>One setting covers all of lesson-lib, pooling and the {@code nn} layers: {@link #setThreads}. Work
 * made of whole independent jobs, such as training several networks, can instead run side by side, one
 * job per core ({@link #runSideBySide}): then each job keeps its own calls on its own thread.
 */
public final class Parallel {

    /**
     * Cells (read plus written) a pooling call must have per thread before it is split, so that handing a
     * part to another thread stays small next to doing it: on a 2-core test machine the hand-over took 3 to
     * 10 microseconds, and pooling this many cells 100 (max pooling) to 450 (with indices). A 28x28 image
     * with up to 160 channels stays on the caller's thread.
     */
    static final long CELLS_PER_THREAD = 1 << 17;

    /** A loop over items {@code [first, end)}. */
    public interface Range {
        void run(int first, int end);
    }

    private static volatile int threads = Runtime.getRuntime().availableProcessors();

    /** Whether this thread runs a job of {@link #runSideBySide}, whose calls are not split again. */
    private static final ThreadLocal<Boolean> RUNS_A_WHOLE_JOB = ThreadLocal.withInitial(() -> false);

    private Parallel() {
    }

    /**
     * Sets how many threads one call of lesson-lib may use (a pooling operation, a layer's forward or
     * backward pass); unless set, one per processor core. Results are the same, bit for bit, for any
     * number. 1 keeps every call on the caller's thread.
     *
     * @param threads at least 1
     */
    public static void setThreads(int threads) {
        Parallel.threads = Check.atLeast("threads", threads, 1);
    }

    /** How many threads one call may use: see {@link #setThreads}. */
    public static int threads() {
        return threads;
    }

    /**
     * Runs {@code task.accept(i)} for {@code i = 0 .. count - 1}, in up to {@link #threads()} contiguous
     * parts at the same time. Each task must write only its own part of the result (one image, one filter).
     */
    public static void forEach(int count, IntConsumer task) {
        split(Math.min(threads, count), count, (first, end) -> {
            for (int i = first; i < end; i++) {
                task.accept(i);
            }
        });
    }

    /**
     * Runs {@code range} over items {@code [0, count)} in up to {@link #threads()} contiguous parts at the
     * same time, for loops that work better over a whole part than item by item (a convolution adds up
     * the gradients of its part of the filters image by image). Each part must write only its own items.
     */
    public static void forEachRange(int count, Range range) {
        split(Math.min(threads, count), count, range);
    }

    /**
     * Runs {@code range} over planes {@code [0, planes)}: on the caller's thread alone, or in contiguous
     * parts on up to {@link #threads()} threads, as many as there are {@link #CELLS_PER_THREAD} cells for.
     *
     * @param cellsPerPlane the cells one plane reads and writes, e.g. input plane plus output plane
     */
    static void forEachPlane(int planes, long cellsPerPlane, Range range) {
        long bySize = planes * cellsPerPlane / CELLS_PER_THREAD;
        split((int) Math.min(Math.min(threads, planes), bySize), planes, range);
    }

    /**
     * Runs {@code job.accept(i)} for {@code i = 0 .. count - 1}, each job whole on one thread, up to
     * {@link #threads()} jobs at a time: each thread takes the next job as soon as it is done with one, so
     * jobs of different lengths keep every core busy. For jobs that are independent and long, like training
     * one network: sharing out whole jobs costs nothing, while sharing out each of their many small calls
     * costs a hand-over every time. Inside a job every lesson-lib call stays on the job's thread, so a job
     * computes exactly what it computes alone, bit for bit. Each job must write only its own results.
     * Should a job fail, the jobs not yet started are skipped and its exception is thrown here.
     */
    public static void runSideBySide(int count, IntConsumer job) {
        Check.atLeast("count", count, 0);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            boolean wasRunningAJob = RUNS_A_WHOLE_JOB.get();
            RUNS_A_WHOLE_JOB.set(true);
            try {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    job.accept(i);
                }
            } catch (RuntimeException | Error failure) {
                next.set(count);
                throw failure;
            } finally {
                RUNS_A_WHOLE_JOB.set(wasRunningAJob);
            }
        };
        int workers = RUNS_A_WHOLE_JOB.get() ? 1 : Math.min(threads, count);
        List<ForkJoinTask<?>> others = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            others.add(ForkJoinPool.commonPool().submit(worker));
        }
        try {
            worker.run();
        } finally {
            others.forEach(ForkJoinTask::join);
        }
    }

    /** Items {@code [0, count)} in {@code parts} contiguous ranges at once: the first on the caller's thread. */
    private static void split(int parts, int count, Range range) {
        if (parts <= 1 || RUNS_A_WHOLE_JOB.get()) {
            range.run(0, count);
            return;
        }
        List<ForkJoinTask<?>> others = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int first = (int) ((long) count * part / parts);
            int end = (int) ((long) count * (part + 1) / parts);
            others.add(ForkJoinPool.commonPool().submit(() -> range.run(first, end)));
        }
        range.run(0, (int) ((long) count / parts));
        others.forEach(ForkJoinTask::join);
    }
}
