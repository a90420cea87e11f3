package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.poolinglab.kernel.IdleHeapRelease;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * Pooling Lab's fix for a second start-up race in rapaio-jupyter-kernel 3.0.1, put ahead of the
 * kernel's jar on its class path by {@code scripts/install_kernel.py}, like {@link LoopThread}.
 *
 * <p>The kernel starts reading its shell channel before it has registered the handlers for the requests
 * that arrive there, and drops a request that comes in between as "unhandled". Jupyter Notebook sends a
 * new kernel exactly one {@code kernel_info_request} and waits 60 s for the answer, so the notebook
 * page said "Kernel starting" for a minute in 5 of 8 starts on a busy 2-core machine (nbclient, which
 * asks again every second, never noticed). This class has the kernel's constructor and methods; during
 * the kernel's first seconds it waits for a request's handler to be registered instead of dropping the
 * request. It also tells the kit's {@link IdleHeapRelease} when a request starts and ends.
 */
public final class ShellChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ShellChannel.class.getSimpleName());
    private static final long LOOP_SLEEP_MILLIS = 50;
    /** For this long after binding, a request waits for its handler; later, one without a handler is dropped. */
    private static final long START_UP_MILLIS = 10_000;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels connection;
    private volatile LoopThread loopThread;
    private volatile long boundAt;

    /**
     * @param channels      all of the kernel's channels
     * @param context       the ZeroMQ context the socket belongs to
     * @param hmacGenerator signs and checks messages
     * @param connection    where the request handlers are registered (the same object as {@code channels})
     */
    public ShellChannel(Channels channels, ZMQ.Context context, HMACDigest hmacGenerator, Channels connection) {
        super(channels, "ShellChannel", context, SocketType.ROUTER, hmacGenerator);
        this.connection = connection;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String address = connProps.formatAddress(connProps.shellPort());
        LOGGER.info(logPrefix + "Binding to " + address);
        socket.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        boundAt = System.currentTimeMillis();
        loopThread = new LoopThread("Shell-" + ID.getAndIncrement(), LOOP_SLEEP_MILLIS, () -> {
            if (poller.poll(0) > 0) {
                handle(readMessage());
            }
        });
        loopThread.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message<?> message) {
        MessageType<?> type = message.header().type();
        MessageHandler handler = handlerFor(type);
        if (handler == null) {
            LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
            return;
        }
        LOGGER.info(logPrefix + "Handling message: " + type.name());
        connection.setMsgId(message.getId());
        IdleHeapRelease.requestStarted();
        try {
            handler.handle(message);
        } catch (Exception e) {
            LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". " + e.getClass().getSimpleName()
                    + ": " + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
            IdleHeapRelease.requestEnded();
        }
        if (channels.isMarkedForShutdown()) {
            LOGGER.info(logPrefix + "Shutting down connection marked for shutdown.");
            connection.close();
        }
    }

    /** The request's handler; while the kernel is still starting, waits for it to be registered. */
    private MessageHandler<?> handlerFor(MessageType<?> type) {
        while (true) {
            MessageHandler<?> handler = registered(type);
            if (handler != null || System.currentTimeMillis() > boundAt + START_UP_MILLIS) {
                return handler;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private MessageHandler<?> registered(MessageType<?> type) {
        try {
            return connection.getHandler(type);
        } catch (NullPointerException handlerTableNotMadeYet) {
            return null;
        }
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
