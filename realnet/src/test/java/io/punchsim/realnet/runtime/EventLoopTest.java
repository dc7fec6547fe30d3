package io.punchsim.realnet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    /** Remembers what reached it and lets the test act through its context. */
    static final class Recorder implements Machine {
        final List<String> received = new ArrayList<>();
        final List<Endpoint> sources = new ArrayList<>();
        Context context;

        @Override
        public void start(Context context) {
            this.context = context;
        }

        @Override
        public void onDatagram(Endpoint source, byte[] payload) {
            sources.add(source);
            received.add(new String(payload, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPortInUseIsABindExceptionThatNamesTheAddress() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            UdpContext taken = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
            int port = taken.localAddress().port();
            assertThatThrownBy(() -> loop.open(new InetSocketAddress("127.0.0.1", port), event -> {}))
                    .isInstanceOf(BindException.class)
                    .hasMessageStartingWith("cannot bind 127.0.0.1:" + port + ": ");
        }
    }

    @Test
    void timersRunByDueTimeAndTiesInTheOrderTheyWereSet() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            UdpContext context = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
            Recorder machine = new Recorder();
            context.start(machine);
            List<String> fired = new ArrayList<>();
            long base = context.now() + 20_000_000L;
            context.setTimer(base + 2_000_000L, () -> fired.add("late"));
            context.setTimer(base, () -> fired.add("tie-1"));
            long cancelled = context.setTimer(base, () -> fired.add("cancelled"));
            context.setTimer(base, () -> fired.add("tie-2"));
            context.setTimer(base - 10_000_000L, () -> fired.add("early"));
            context.cancelTimer(cancelled);

            loop.run(() -> fired.size() == 4);

            assertThat(fired).containsExactly("early", "tie-1", "tie-2", "late");
        }
    }

    @Test
    void aMachineSendsAndReceivesOnTheSocketsItOpenedBeyondItsOwn() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            UdpContext a = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
            UdpContext b = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
            Recorder machineA = new Recorder();
            Recorder machineB = new Recorder();
            a.start(machineA);
            b.start(machineB);
            List<String> onExtra = new ArrayList<>();
            List<Endpoint> extraSources = new ArrayList<>();
            assertThat(a.openSockets(3, (socket, source, payload) -> {
                onExtra.add(socket + ":" + new String(payload, StandardCharsets.UTF_8));
                extraSources.add(source);
            })).isEqualTo(3);
            a.sendFrom(2, b.localAddress(), "from two".getBytes(StandardCharsets.UTF_8));
            loop.run(() -> machineB.received.size() == 1);
            Endpoint socketTwo = machineB.sources.get(0);
            assertThat(socketTwo.port()).isNotEqualTo(a.localAddress().port());

            b.send(socketTwo, "back".getBytes(StandardCharsets.UTF_8));
            loop.run(() -> onExtra.size() == 1);

            assertThat(onExtra).containsExactly("2:back");
            assertThat(extraSources).containsExactly(b.localAddress());
            assertThat(machineA.received).isEmpty();
        }
    }

    @Test
    void aTimerNeverFiresBeforeItsTime() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            UdpContext context = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
            context.start(new Recorder());
            long due = context.now() + 30_000_000L;
            long[] firedAt = {-1};
            context.setTimer(due, () -> firedAt[0] = context.now());

            loop.run(() -> firedAt[0] >= 0);

            assertThat(firedAt[0]).isGreaterThanOrEqualTo(due);
        }
    }

    @Test
    void datagramsArriveWithTheSendersBoundAddressAsTheirSource() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            UdpContext a = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
            UdpContext b = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
            Recorder atA = new Recorder();
            Recorder atB = new Recorder();
            a.start(atA);
            b.start(atB);
            // The kernel reports the bound address; the context must agree with it.
            assertThat(a.localAddress().toString()).startsWith("127.0.0.1:").doesNotEndWith(":0");

            a.send(b.localAddress(), "one".getBytes(StandardCharsets.UTF_8));
            a.send(b.localAddress(), "two".getBytes(StandardCharsets.UTF_8));
            b.send(a.localAddress(), "back".getBytes(StandardCharsets.UTF_8));
            loop.run(() -> atB.received.size() == 2 && atA.received.size() == 1);

            assertThat(atB.received).containsExactly("one", "two");
            assertThat(atB.sources).containsOnly(a.localAddress());
            assertThat(atA.sources).containsExactly(b.localAddress());
            assertThat(a.datagramsSent()).isEqualTo(2);
            assertThat(b.datagramsReceived()).isEqualTo(2);
        }
    }

    @Test
    void stopFromAnotherThreadEndsARunWithNothingToDo() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {}).start(new Recorder());
            Thread stopper = new Thread(loop::stop);
            stopper.start();
            boolean finished = loop.run(() -> false);
            stopper.join();
            assertThat(finished).as("stopped, not finished").isFalse();
            assertThat(loop.isStopped()).isTrue();
        }
    }

    @Test
    void endpointsConvertBothWays() {
        Endpoint endpoint = Endpoint.parse("10.200.1.2:40000");
        InetSocketAddress inet = SocketAddresses.toInet(endpoint);
        assertThat(inet.getAddress().getHostAddress()).isEqualTo("10.200.1.2");
        assertThat(inet.getPort()).isEqualTo(40000);
        assertThat(SocketAddresses.toEndpoint(inet)).isEqualTo(endpoint);
    }
}
