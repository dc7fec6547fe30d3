package io.punchsim.realnet.netns;

import static io.punchsim.realnet.netns.NatLab.CLIENT_INSIDE;
import static io.punchsim.realnet.netns.NatLab.CLIENT_ROUTER_WAN;
import static io.punchsim.realnet.netns.NatLab.CLOUD_IP;
import static io.punchsim.realnet.netns.NatLab.HOST_INSIDE;
import static io.punchsim.realnet.netns.NatLab.HOST_ROUTER_WAN;
import static io.punchsim.realnet.netns.NatLab.PEER_PORT;
import static io.punchsim.realnet.netns.NatLab.STUN_ALTERNATE_IP;
import static io.punchsim.realnet.netns.NatLab.STUN_IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.punchsim.realnet.netns.NatLab.Nat;
import io.punchsim.realnet.process.Lines;
import io.punchsim.realnet.process.RealProcess;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real host and client, as separate processes, through real Linux NAT (iptables in network
 * namespaces made for the test), for the NAT pairs whose outcome SPEC section 3 states. Needs
 * root; skipped with the reason otherwise.
 */
class RealNatTest {

    private static final String STUN = STUN_IP + ":3478";
    private static final String CLOUD = CLOUD_IP + ":5000";
    private static String unavailable;

    /**
     * Who sends first, which SPEC section 3 says decides between two Linux NATs, set by the test
     * rather than left to scheduling.
     */
    enum Timing {
        /**
         * Each side's first packet leaves its own NAT before the other side's first packet arrives
         * (as with a path latency longer than the skew between K1 and K2): the first packets are
         * held off the other router until both NATs have recorded their outbound flow.
         */
        CROSSING,
        /**
         * The host's first ping reaches the client's NAT before the client's first request leaves
         * it (as when the client starts later): the client's packets are held inside its router
         * until the ping has created its conntrack entry there.
         */
        HOST_FIRST
    }

    @BeforeAll
    static void checkTheMachine() throws InterruptedException {
        unavailable = NatLab.unavailableBecause();
    }

    /**
     * The expected outcome of each pair, derived from SPEC section 3 for the presets
     * {@code linux-masquerade}, {@code linux-masquerade-random-fully} and {@code full-cone} under
     * the same timing, with the default process (the client targets only the host's
     * STUN-reflexive address; the host accepts at the observed source).
     */
    static Stream<Arguments> pairs() {
        return Stream.of(
                // Two Linux NATs punch through when each side's first packet leaves before the other's
                // arrives: both NATs then hold the outbound flow the other side's packets reply to.
                Arguments.of(Nat.MASQUERADE, Nat.MASQUERADE, Timing.CROSSING, "DIRECT"),
                // ...and not when one side starts first: the host's ping creates an unsolicited entry
                // at the client's NAT, the client's requests collide with it and leave from another
                // port, which the host's NAT (APDF) drops; the relay is all that is left.
                Arguments.of(Nat.MASQUERADE, Nat.MASQUERADE, Timing.HOST_FIRST, "RELAYED"),
                // Port-restricted host x symmetric client (random-fully = random port per flow): R in
                // the default-process matrix; the requests come from a port the host never pinged.
                Arguments.of(Nat.MASQUERADE, Nat.MASQUERADE_RANDOM_FULLY, Timing.CROSSING, "RELAYED"),
                // Symmetric host: its reflexive address is a mapping toward the STUN server only, so
                // every direct request is dropped whatever the client's NAT: the row is all R.
                Arguments.of(Nat.MASQUERADE_RANDOM_FULLY, Nat.MASQUERADE_RANDOM_FULLY, Timing.CROSSING, "RELAYED"),
                // Full-cone host: anyone may reach its reflexive address, and the accept goes back to
                // the observed source, so even a symmetric client connects directly: the row is all D.
                Arguments.of(Nat.FULL_CONE, Nat.MASQUERADE_RANDOM_FULLY, Timing.CROSSING, "DIRECT"));
    }

    @ParameterizedTest(name = "host behind {0}, client behind {1}, {2}: {3}")
    @MethodSource("pairs")
    void theRealOutcomeIsTheOneTheSpecPredicts(Nat hostNat, Nat clientNat, Timing timing, String expected) throws Exception {
        assumeTrue(unavailable == null, () -> "skipping real NAT test: " + unavailable);
        try (NatLab lab = new NatLab(hostNat, clientNat);
             RealProcess stun = RealProcess.start("stun", NatLab.exec(lab.core), "serve-stun", "--listen", STUN,
                     "--other", STUN_ALTERNATE_IP + ":3479");
             RealProcess cloud = RealProcess.start("cloud", NatLab.exec(lab.core), "serve-cloud", "--listen", CLOUD)) {
            stun.awaitLine(line -> line.contains("\"listening\""));
            cloud.awaitLine(line -> line.contains("\"listening\""));
            if (timing == Timing.CROSSING) {
                lab.holdInbound(lab.hostRouter, CLIENT_ROUTER_WAN, true);
                lab.holdInbound(lab.clientRouter, HOST_ROUTER_WAN, true);
            } else {
                lab.holdOutbound(lab.clientRouter, CLIENT_INSIDE, HOST_ROUTER_WAN, true);
            }
            try (RealProcess host = RealProcess.start("host", NatLab.exec(lab.hostMachine), peerArgs("host", HOST_INSIDE));
                 RealProcess client = RealProcess.start("client", NatLab.exec(lab.clientMachine), peerArgs("join", CLIENT_INSIDE))) {
                host.awaitLine(line -> Lines.isStep(line, "host", "K7"));
                if (timing == Timing.CROSSING) {
                    client.awaitLine(line -> Lines.isStep(line, "client", "K3"));
                    // Both NATs have recorded their side's outbound flow toward the other: release.
                    awaitEntry(lab, lab.hostRouter, HOST_INSIDE, CLIENT_ROUTER_WAN);
                    awaitEntry(lab, lab.clientRouter, CLIENT_INSIDE, HOST_ROUTER_WAN);
                    lab.holdInbound(lab.hostRouter, CLIENT_ROUTER_WAN, false);
                    lab.holdInbound(lab.clientRouter, HOST_ROUTER_WAN, false);
                } else {
                    // The host's ping has reached the client's NAT unsolicited: now let the client out.
                    awaitEntry(lab, lab.clientRouter, HOST_ROUTER_WAN, CLIENT_ROUTER_WAN);
                    lab.holdOutbound(lab.clientRouter, CLIENT_INSIDE, HOST_ROUTER_WAN, false);
                }
                int clientExit = client.awaitExit();
                int hostExit = host.awaitExit();
                String all = "host:\n" + host.output() + "\nclient:\n" + client.output();

                assertThat(Lines.field(Lines.outcomeLine(client.lines(), "client"), "outcome")).as(all).contains(expected);
                assertThat(Lines.field(Lines.outcomeLine(host.lines(), "host"), "outcome")).as(all).contains(expected);
                assertThat(clientExit).as(all).isZero();
                assertThat(hostExit).as(all).isZero();
                if (timing == Timing.HOST_FIRST) {
                    // The mechanism, not just the outcome: the client's flow toward the host was moved
                    // off its inside port by the collision with the ping's entry.
                    List<String> flows = lab.conntrack(lab.clientRouter, CLIENT_INSIDE, HOST_ROUTER_WAN);
                    assertThat(flows).as("client NAT flows toward the host").isNotEmpty()
                            .allSatisfy(flow -> assertThat(mappedPort(flow)).as(flow).isNotEqualTo(PEER_PORT));
                }
            }
        }
    }

    @ParameterizedTest(name = "classify behind {0}")
    @EnumSource(Nat.class)
    void classifySeesTheBehaviourOfTheNatInFront(Nat nat) throws Exception {
        assumeTrue(unavailable == null, () -> "skipping real NAT test: " + unavailable);
        // RFC 4787 terms of each preset, from SPEC section 3: linux-masquerade keeps the port and lets
        // in only the exact reply flow (EIM, APDF); random-fully gives a port per flow (APDM, APDF);
        // the DNAT of the inside port admits anyone (EIM, EIF). The punchsim command names the preset
        // of each (port-restricted-cone, symmetric, full-cone): cli's PresetMatchTest has these rows.
        String[] expected = switch (nat) {
            case MASQUERADE -> new String[] {"endpoint-independent", "address-and-port-dependent"};
            case MASQUERADE_RANDOM_FULLY -> new String[] {"address-and-port-dependent", "address-and-port-dependent"};
            case FULL_CONE -> new String[] {"endpoint-independent", "endpoint-independent"};
        };
        try (NatLab lab = new NatLab(nat, Nat.MASQUERADE);
             RealProcess stun = RealProcess.start("stun", NatLab.exec(lab.core), "serve-stun", "--listen", STUN,
                     "--other", STUN_ALTERNATE_IP + ":3479")) {
            stun.awaitLine(line -> line.contains("\"listening\""));
            try (RealProcess classify = RealProcess.start("classify", NatLab.exec(lab.hostMachine), "classify",
                    "--stun", STUN, "--bind", HOST_INSIDE + ":" + PEER_PORT, "--rto", "100ms", "--requests", "3")) {
                int exit = classify.awaitExit();
                String output = classify.output();
                assertThat(exit).as(output).isZero();
                assertThat(output).as("behind %s (%s)", nat, nat.preset)
                        .contains("nat: yes", "reflexive: " + HOST_ROUTER_WAN + ":",
                                "mapping: " + expected[0], "filtering: " + expected[1]);
            }
        }
    }

    private static String[] peerArgs(String command, String inside) {
        return new String[] {command, "--cloud", CLOUD, "--stun", STUN, "--bind", inside + ":" + PEER_PORT,
                "--game-phase-enabled", "--game-phase-length", "300ms", "--game-phase-echo-grace", "300ms"};
    }

    private static void awaitEntry(NatLab lab, String router, String source, String destination) throws Exception {
        for (int i = 0; i < 250; i++) {
            if (!lab.conntrack(router, source, destination).isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no conntrack entry " + source + " -> " + destination + " in " + router);
    }

    /** The outside port in a conntrack line: the destination port of its reply direction. */
    private static int mappedPort(String conntrackLine) {
        Matcher m = Pattern.compile("dport=(\\d+)").matcher(conntrackLine);
        int found = -1;
        for (int i = 0; i < 2 && m.find(); i++) {
            found = Integer.parseInt(m.group(1));
        }
        return found;
    }
}
