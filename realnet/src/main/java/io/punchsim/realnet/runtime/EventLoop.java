package io.punchsim.realnet.runtime;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.runtime.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One thread that drives state machines from the real world: a selector over their UDP sockets,
 * the monotonic clock and a timer heap. Everything a machine sees (datagrams, timers) runs on the
 * thread that calls {@link #run}, so the machines need no locking, exactly as in the simulator.
 *
 * <p>Set-up ({@link #open}) and {@link #run} belong to one thread; only {@link #stop()} may be
 * called from another (a shutdown hook, a test).
 */
public final class EventLoop implements AutoCloseable {

    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private final Selector selector;
    private final long originNanos = System.nanoTime();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    /** Pending timers by handle; a cancelled timer leaves the map and is skipped when it surfaces. */
    private final Map<Long, Timer> pending = new HashMap<>();
    private final List<UdpContext> contexts = new ArrayList<>();
    /** Sockets a machine opened beyond its own (birthday punching), closed with the loop. */
    private final List<DatagramChannel> extraChannels = new ArrayList<>();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private long nextHandle = 1;
    private volatile boolean stopped;

    private record Timer(long atNanos, long handle, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            // Equal times run in the order they were set, as in the simulator.
            int byTime = Long.compare(atNanos, other.atNanos);
            return byTime != 0 ? byTime : Long.compare(handle, other.handle);
        }
    }

    public EventLoop() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Nanoseconds since this loop was created, from the monotonic clock. */
    public long now() {
        return System.nanoTime() - originNanos;
    }

    /**
     * Binds a non-blocking IPv4 UDP socket to {@code bind} and returns the context a machine acts
     * through; call {@link UdpContext#start(Machine)} to hand it its machine.
     *
     * @throws BindException naming {@code bind} when the address is in use or not this machine's
     */
    public UdpContext open(InetSocketAddress bind, Consumer<StepEvent> events) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            try {
                channel.bind(bind);
            } catch (BindException e) {
                BindException named = new BindException("cannot bind "
                        + bind.getAddress().getHostAddress() + ":" + bind.getPort() + ": " + e.getMessage());
                named.initCause(e);
                throw named;
            }
            channel.configureBlocking(false);
            UdpContext context = new UdpContext(this, channel, events);
            channel.register(selector, SelectionKey.OP_READ, new Inbox(channel, context::deliver));
            contexts.add(context);
            return context;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A socket the selector reads, and where its datagrams go. */
    private record Inbox(DatagramChannel channel, BiConsumer<io.punchsim.protocol.net.Endpoint, byte[]> deliver) {}

    /**
     * Binds one more non-blocking socket to an ephemeral port of {@code address}, whose datagrams go
     * to {@code deliver} on the loop's thread; it closes with the loop.
     */
    DatagramChannel openExtra(java.net.InetAddress address,
            BiConsumer<io.punchsim.protocol.net.Endpoint, byte[]> deliver) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(address, 0));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, new Inbox(channel, deliver));
            extraChannels.add(channel);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Runs {@code action} on the loop's thread at {@code atNanos} of {@link #now()}; returns its handle. */
    public long setTimer(long atNanos, Runnable action) {
        Timer timer = new Timer(atNanos, nextHandle++, action);
        timers.add(timer);
        pending.put(timer.handle(), timer);
        return timer.handle();
    }

    public void cancelTimer(long handle) {
        pending.remove(handle);
    }

    /**
     * Runs until {@link #stop()} or until {@code done} holds (checked after every datagram and
     * timer).
     *
     * @return true if {@code done} ended the run, false if it was stopped
     */
    public boolean run(BooleanSupplier done) throws IOException {
        while (!stopped) {
            if (done.getAsBoolean()) {
                return true;
            }
            runDueTimers(done);
            if (stopped || done.getAsBoolean()) {
                return !stopped;
            }
            Timer next = nextLiveTimer();
            try {
                if (next == null) {
                    selector.select();
                } else {
                    long waitNanos = next.atNanos() - now();
                    if (waitNanos <= 0) {
                        selector.selectNow();
                    } else {
                        // Round up: a timer never fires early.
                        selector.select(Math.max(1, (waitNanos + 999_999) / 1_000_000));
                    }
                }
            } catch (ClosedSelectorException e) {
                return false;
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                if (key.isValid() && key.isReadable()) {
                    drain((Inbox) key.attachment(), done);
                }
            }
        }
        return false;
    }

    /** Asks a running loop to return; safe from any thread. */
    public void stop() {
        stopped = true;
        selector.wakeup();
    }

    public boolean isStopped() {
        return stopped;
    }

    private void drain(Inbox context, BooleanSupplier done) throws IOException {
        while (!stopped && !done.getAsBoolean()) {
            receiveBuffer.clear();
            SocketAddress source;
            try {
                source = context.channel().receive(receiveBuffer);
            } catch (IOException e) {
                // An ICMP error surfacing on the socket says nothing a UDP protocol may rely on.
                continue;
            }
            if (source == null) {
                return;
            }
            if (!(source instanceof InetSocketAddress inet) || !SocketAddresses.isIpv4(inet)) {
                continue;
            }
            receiveBuffer.flip();
            byte[] payload = new byte[receiveBuffer.remaining()];
            receiveBuffer.get(payload);
            context.deliver().accept(SocketAddresses.toEndpoint(inet), payload);
        }
    }

    private void runDueTimers(BooleanSupplier done) {
        while (!stopped && !done.getAsBoolean()) {
            Timer next = nextLiveTimer();
            if (next == null || next.atNanos() > now()) {
                return;
            }
            timers.poll();
            pending.remove(next.handle());
            next.action().run();
        }
    }

    private Timer nextLiveTimer() {
        Timer head = timers.peek();
        while (head != null && !pending.containsKey(head.handle())) {
            timers.poll();
            head = timers.peek();
        }
        return head;
    }

    /** Closes every socket and the selector. */
    @Override
    public void close() {
        stopped = true;
        for (UdpContext context : contexts) {
            try {
                context.channel().close();
            } catch (IOException ignored) {
                // Closing on the way out: nothing left to tell anyone.
            }
        }
        for (DatagramChannel channel : extraChannels) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // As above.
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
