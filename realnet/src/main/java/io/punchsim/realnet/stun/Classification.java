package io.punchsim.realnet.stun;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.protocol.stun.NatBehaviourDiscovery;
import io.punchsim.protocol.config.Retransmission;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.ProcessLifetime;
import io.punchsim.realnet.runtime.SocketAddresses;
import io.punchsim.realnet.runtime.UdpContext;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 5780 behaviour discovery from a real socket toward a real STUN server: what NAT is in front
 * of this machine.
 */
public final class Classification {

    /** Short timeouts: two of the tests are expected to go unanswered behind most NATs. */
    public static final Retransmission DEFAULT_SCHEDULE = schedule(200_000_000L, 4);

    /** Requests at RTO, doubling; a test counts as unanswered four RTOs after its last request. */
    public static Retransmission schedule(long rtoNanos, int requests) {
        return new Retransmission(rtoNanos, requests, 4 * rtoNanos);
    }

    private Classification() {}

    /**
     * Runs discovery from {@code bind} (port 0 picks one; address 0.0.0.0 picks the address the OS
     * routes toward the server, so "no NAT" can be recognised) and returns its result, or empty if
     * the process was interrupted.
     */
    public static Optional<DiscoveryResult> discover(Endpoint server, Endpoint bind, Retransmission schedule)
            throws IOException {
        Endpoint local = bind.ip() == 0
                ? new Endpoint(SocketAddresses.sourceAddressToward(server).ip(), bind.port())
                : bind;
        List<DiscoveryResult> results = new ArrayList<>(1);
        EventLoop loop = new EventLoop();
        UdpContext context = loop.open(SocketAddresses.toInet(local), event -> {});
        context.start(new NatBehaviourDiscovery(server, schedule, results::add));
        ProcessLifetime.run(loop, () -> !results.isEmpty());
        return results.stream().findFirst();
    }

    /**
     * Prints what discovery observed as {@code key: value} lines (nat, reflexive, mapping, filtering).
     * Naming the matching preset of the simulator is for the caller: this module knows no NAT models.
     */
    public static void printDiscovery(DiscoveryResult result, PrintStream out) {
        if (result instanceof DiscoveryResult.BehindNat nat) {
            out.println("nat: yes");
            out.println("reflexive: " + nat.reflexive());
            out.println("mapping: " + name(nat.mapping()));
            out.println("filtering: " + name(nat.filtering()));
        } else if (result instanceof DiscoveryResult.NoNat noNat) {
            out.println("nat: no");
            out.println("reflexive: " + noNat.address());
            out.println("filtering: " + name(noNat.filtering()));
        } else if (result instanceof DiscoveryResult.ServerLacksRfc5780 lacks) {
            out.println("reflexive: " + lacks.reflexive());
        }
        out.flush();
    }

    /** Whether discovery found the behaviour, rather than being unable to run its tests. */
    public static boolean concluded(DiscoveryResult result) {
        return result instanceof DiscoveryResult.BehindNat || result instanceof DiscoveryResult.NoNat
                || result instanceof DiscoveryResult.UdpBlocked;
    }

    /** RFC 4787's wording, e.g. "address-and-port-dependent". */
    public static String name(Enum<?> behaviour) {
        return behaviour.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
