package org.rapaio.jupyter.kernel.channels;

/**
 * Pooling Lab's fix for a start-up race in rapaio-jupyter-kernel 3.0.1, put ahead of the kernel's jar
 * on its class path by {@code scripts/install_kernel.py}.
 *
 * <p>The kernel's own {@code LoopThread.start()} starts the thread and only then marks it running. When
 * the new thread gets to run first, it sees "not running" and ends at once; if that thread is the shell
 * channel's, the kernel never answers and Jupyter waits forever (11 of 79 starts on a 2-core
 * machine). This class has the same constructor and methods and marks the thread running before it
 * starts.
 */
public final class LoopThread extends Thread {

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    /**
     * @param name     the thread's name
     * @param sleep    milliseconds to wait between two runs of the loop body
     * @param loopBody one round of the channel's work (poll, handle a message)
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true; // before the thread can look
        super.start();
    }

    /** Ends the loop after its current round. */
    public void shutdown() {
        running = false;
    }
}
