package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolinglab.FeatureMapAssertions.assertRejected;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every pooling operation, forward and backward, on several threads: the same bits as on one. */
@DisplayName("Pooling on several threads")
class ThreadsTest {

    @AfterEach
    void restoreTheDefault() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    /** Large enough for three threads: 4 x 8 planes of 128 x 128. */
    private final FeatureMap large = Fixtures.withSpecialValues(new Random(11), 4, 8, 128, 128);

    private final List<Operation> operations = List.of(
            new Operation("maxPool 3x3/2 pad 1", x -> Pooling.maxPool(x, PoolSpec.of(3).stride(2).padding(1))),
            new Operation("maxPool dilated", x -> Pooling.maxPool(x, PoolSpec.of(3).dilation(2))),
            new Operation("maxPoolWithIndices", x -> Pooling.maxPoolWithIndices(x, PoolSpec.of(2))),
            new Operation("avgPool 3x3/2 pad 1", x -> Pooling.avgPool(x, PoolSpec.of(3).stride(2).padding(1)
                    .countIncludePad(false))),
            new Operation("lpPool", x -> Pooling.lpPool(abs(x), 2, PoolSpec.of(2))),
            new Operation("adaptiveMaxPool", x -> Pooling.adaptiveMaxPool(x, 7, 5)),
            new Operation("adaptiveAvgPool", x -> Pooling.adaptiveAvgPool(x, 7, 5)),
            new Operation("globalMaxPool", Pooling::globalMaxPool),
            new Operation("globalAvgPool", Pooling::globalAvgPool),
            new Operation("maxPoolBackward", x -> Pooling.maxPoolBackward(x, PoolSpec.of(2), gradient(x, 64, 64))),
            new Operation("avgPoolBackward", x -> Pooling.avgPoolBackward(x, PoolSpec.of(3).padding(1),
                    gradient(x, 43, 43))),
            new Operation("lpPoolBackward", x -> Pooling.lpPoolBackward(abs(x), 2, PoolSpec.of(2),
                    gradient(x, 64, 64))),
            new Operation("adaptiveMaxPoolBackward", x -> Pooling.adaptiveMaxPoolBackward(x, gradient(x, 7, 5))),
            new Operation("adaptiveAvgPoolBackward", x -> Pooling.adaptiveAvgPoolBackward(x, gradient(x, 7, 5))),
            new Operation("globalMaxPoolBackward", x -> Pooling.globalMaxPoolBackward(x, gradient(x, 1, 1))),
            new Operation("globalAvgPoolBackward", x -> Pooling.globalAvgPoolBackward(x, gradient(x, 1, 1))),
            new Operation("maxUnpool", x -> Pooling.maxUnpool(Pooling.maxPoolWithIndices(x, PoolSpec.of(2)))),
            new Operation("maxUnpoolBackward", x -> {
                PooledWithIndices pooled = Pooling.maxPoolWithIndices(x, PoolSpec.of(2));
                return Pooling.maxUnpoolBackward(pooled.output(), pooled.indices(), x);
            }));

    record Operation(String name, Function<FeatureMap, Object> call) {
    }

    @Test
    void everyOperationGivesTheSameBitsOnAnyNumberOfThreads() {
        for (Operation operation : operations) {
            Parallel.setThreads(1);
            Object alone = operation.call().apply(large);
            for (int threads = 2; threads <= 3; threads++) {
                Parallel.setThreads(threads);
                assertEquals(alone, operation.call().apply(large), operation.name() + " on " + threads + " threads");
            }
        }
    }

    @Test
    void aLargeMapIsSharedOutInBlocksOfPlanes() {
        Parallel.setThreads(3);
        int planes = 32;
        AtomicIntegerArray visits = new AtomicIntegerArray(planes);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger parts = new AtomicInteger();
        CountDownLatch twoThreadsSeen = new CountDownLatch(2);
        Parallel.forEachPlane(planes, 128 * 128 + 64 * 64, (first, end) -> {
            parts.incrementAndGet();
            if (threads.add(Thread.currentThread())) {
                twoThreadsSeen.countDown();
            }
            for (int plane = first; plane < end; plane++) {
                visits.incrementAndGet(plane);
            }
            // Each part waits (a little) for a second thread, so the caller cannot finish every part alone
            // before a pool thread has even started: the test sees whether the parts were handed out.
            awaitQuietly(twoThreadsSeen);
        });
        assertEquals(3, parts.get(), "parts");
        assertTrue(threads.size() > 1, "the parts ran on the caller's thread alone");
        for (int plane = 0; plane < planes; plane++) {
            assertEquals(1, visits.get(plane), "visits of plane " + plane);
        }
    }

    @Test
    void aSingle28x28ImageWith160ChannelsStaysOnTheCallersThread() {
        Parallel.setThreads(8);
        Thread caller = Thread.currentThread();
        AtomicInteger parts = new AtomicInteger();
        Parallel.forEachPlane(160, 28 * 28 + 14 * 14, (first, end) -> {
            assertEquals(Thread.currentThread(), caller);
            assertEquals(List.of(0, 160), List.of(first, end));
            parts.incrementAndGet();
        });
        assertEquals(1, parts.get(), "parts");
    }

    @Test
    void jobsSideBySideRunOnceEachOnSeveralThreadsAndKeepTheirOwnCallsOnTheirThread() {
        Parallel.setThreads(2);
        int jobs = 6;
        AtomicIntegerArray runs = new AtomicIntegerArray(jobs);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch twoThreadsSeen = new CountDownLatch(2);
        Parallel.runSideBySide(jobs, job -> {
            Thread jobThread = Thread.currentThread();
            if (threads.add(jobThread)) {
                twoThreadsSeen.countDown();
            }
            runs.incrementAndGet(job);
            // a call that would be split in two outside a job stays on the job's thread
            Parallel.forEachPlane(32, 128 * 128 + 64 * 64, (first, end) -> {
                assertEquals(jobThread, Thread.currentThread(), "a part of a call inside job " + job);
                assertEquals(List.of(0, 32), List.of(first, end));
            });
            Parallel.forEach(8, i -> assertEquals(jobThread, Thread.currentThread(), "item " + i + " of job " + job));
            awaitQuietly(twoThreadsSeen);
        });
        for (int job = 0; job < jobs; job++) {
            assertEquals(1, runs.get(job), "runs of job " + job);
        }
        assertEquals(2, threads.size(), "threads the jobs ran on");
        AtomicInteger parts = new AtomicInteger();
        Parallel.forEachPlane(32, 128 * 128 + 64 * 64, (first, end) -> parts.incrementAndGet());
        assertEquals(2, parts.get(), "after the jobs, calls are split again");
    }

    @Test
    void aFailingJobStopsTheJobsNotYetStartedAndIsReported() {
        Parallel.setThreads(1);
        AtomicInteger started = new AtomicInteger();
        IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Parallel.runSideBySide(5, job -> {
                    started.incrementAndGet();
                    if (job == 1) {
                        throw new IllegalStateException("job 1 failed");
                    }
                }));
        assertEquals("job 1 failed", failure.getMessage());
        assertEquals(2, started.get(), "jobs started");
    }

    @Test
    void rejectsZeroThreads() {
        assertRejected(() -> Parallel.setThreads(0), "threads", ">= 1", "0");
    }

    private static FeatureMap gradient(FeatureMap x, int height, int width) {
        return Fixtures.withSpecialValues(new Random(height * 31 + width), x.batch(), x.channels(), height, width);
    }

    private static FeatureMap abs(FeatureMap x) {
        float[] data = x.toFloatArray();
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.abs(data[i]);
        }
        return FeatureMap.of(x.shape(), data);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
