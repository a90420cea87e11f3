package org.poolinglab;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When global average pooling may take the Vector API ({@link VectorWholePlanes}). Until the JIT has
 * compiled it, Vector API code runs many times slower than a plain loop: here the first call on a
 * 32 x 512 x 7 x 7 map took about 370 ms, against 70 ms for the plain loop, and the calls after it still
 * 20 to 80 ms each, for about ten calls. So the first call on a large map does not take that path: it
 * starts the warm-up on a thread of its own and pools with the plain loop. The warm-up sums a scratch map
 * both ways until the Vector API has been the faster three times running (about half a second of one
 * core), and from then on large maps take it. Both ways give the same bits, so nothing but the speed
 * changes. This class itself touches no Vector API class, so the first call does not even load them.
 */
final class VectorApiWarmUp {

    /** The longest the warm-up tries; should the Vector API never catch up (a JVM that does not compile it), it is not taken. */
    private static final long WARM_UP_NANOS = 10_000_000_000L;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean ready;

    private VectorApiWarmUp() {
    }

    /**
     * Whether the Vector API path is compiled and faster than the plain loop. The first call starts the
     * warm-up that finds out, and returns false. Call only when {@link FastAveragePooling#VECTOR_API}.
     */
    static boolean ready() {
        if (!ready && STARTED.compareAndSet(false, true)) {
            Thread warmUp = new Thread(VectorApiWarmUp::warmUp, "lesson-lib: Vector API warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        return ready;
    }

    /**
     * Sums a scratch map of 1024 planes of 7 x 7 both ways, until the Vector API is the faster three times
     * running; never, on a processor without 256-bit float vectors, where it would be slow.
     */
    private static void warmUp() {
        if (!VectorWholePlanes.hasEightFloatVectors()) {
            return;
        }
        int planes = 1024;
        int cells = 49;
        float[] in = new float[planes * cells];
        for (int i = 0; i < in.length; i++) {
            in[i] = i % 7;
        }
        float[] out = new float[planes];
        long deadline = System.nanoTime() + WARM_UP_NANOS;
        int fasterInARow = 0;
        while (fasterInARow < 3 && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            VectorWholePlanes.means(in, cells, cells, out, 0, planes);
            long vector = System.nanoTime() - start;
            start = System.nanoTime();
            for (int plane = 0; plane < planes; plane++) {
                out[plane] = (float) (FastAveragePooling.floatLaneSum(in, plane * cells, plane * cells + cells) / cells);
            }
            long plain = System.nanoTime() - start;
            fasterInARow = vector <= plain ? fasterInARow + 1 : 0;
        }
        ready = fasterInARow == 3;
    }
}
