package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.sim.net.Datagram;
import io.punchsim.sim.net.Ipv4;
import io.punchsim.sim.net.TraceListener;
import io.punchsim.sim.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Game sessions of one host and many clients, against what the spec and RFC 4787 predict: the
 * NAT-pair matrix of SPEC section 3 per client, so the share of sessions that are all direct is a
 * product of independent draws; the cloud's capacity; shared NATs.
 */
class SessionRunTest {

    /** The two-sided 99% quantile of the standard normal distribution. */
    private static final double Z99 = new NormalDistribution().inverseCumulativeProbability(0.995);

    private static PreparedPoint point(String yaml) throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("session.yaml", yaml);
        return PreparedPoint.of(loaded.points().get(0));
    }

    /** The Wilson score interval at 99%: whether {@code p} lies in it for {@code k} of {@code n}. */
    private static boolean insideWilson99(long k, long n, double p) {
        double phat = (double) k / n;
        double z2 = Z99 * Z99;
        double centre = (phat + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z99 * Math.sqrt(phat * (1 - phat) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return p >= centre - half && p <= centre + half;
    }

    // A port-restricted-cone host: full-cone clients connect directly and symmetric ones relay (SPEC 3),
    // each client on its own draw, so all of N clients are direct with probability 0.5^N.
    private static final String HALF_AND_HALF = """
            seeds: %d
            session: {clients: %d}
            host: {nat: port-restricted-cone}
            client: {nat: {full-cone: 0.5, symmetric: 0.5}}
            """;

    @Test
    void threeClientsAreAllDirectInAnEighthOfSessionsAndEachClientInHalf() throws Exception {
        int seeds = 20_000;
        LoadedScenario loaded = ScenarioLoader.load("session.yaml", HALF_AND_HALF.formatted(seeds, 3));
        PointAggregate a = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(2)).run()
                .points().get(0).aggregate();
        long root = loaded.base().rootSeed();
        assertThat(a.sessions()).isEqualTo(seeds);
        assertThat(a.runs()).isEqualTo(3L * seeds);
        assertThat(insideWilson99(a.sessionAllDirectRate().successes(), seeds, 0.125))
                .as("all direct %s, root seed %d", a.sessionAllDirectRate(), root).isTrue();
        assertThat(insideWilson99(a.count(Outcome.DIRECT), a.runs(), 0.5))
                .as("direct %d of %d client runs, root seed %d", a.count(Outcome.DIRECT), a.runs(), root).isTrue();
        // Some client of a session relays unless all are direct; none fails.
        assertThat(a.sessionAnyRelayedRate().successes()).isEqualTo(seeds - a.sessionAllDirectRate().successes());
        assertThat(a.sessionAnyFailedRate().successes()).isZero();
    }

    @ParameterizedTest(name = "{0} clients")
    @ValueSource(ints = {1, 2, 4, 5})
    void allOfNClientsAreDirectInHalfToTheNOfSessions(int clients) throws Exception {
        int seeds = 4_000;
        PreparedPoint point = point(HALF_AND_HALF.formatted(seeds, clients));
        long allDirect = 0;
        for (long run = 0; run < seeds; run++) {
            SessionOutcome session = point.session(run);
            assertThat(session.clients()).hasSize(clients);
            for (RunOutcome client : session.clients()) {
                Outcome expected = client.clientNat().equals("full-cone") ? Outcome.DIRECT : Outcome.RELAYED;
                assertThat(client.outcome()).as("seed %d, %s", session.seed(), client).isEqualTo(expected);
            }
            allDirect += session.allDirect() ? 1 : 0;
        }
        assertThat(insideWilson99(allDirect, seeds, Math.pow(0.5, clients)))
                .as("%d of %d sessions all direct, expected %s", allDirect, seeds, Math.pow(0.5, clients)).isTrue();
    }

    @Test
    void addingClientsNeverChangesWhatAnotherClientDrew() throws Exception {
        PreparedPoint three = point(HALF_AND_HALF.formatted(200, 3));
        PreparedPoint six = point(HALF_AND_HALF.formatted(200, 6));
        for (long run = 0; run < 200; run++) {
            SessionOutcome small = three.session(run);
            SessionOutcome large = six.session(run);
            for (int k = 0; k < 3; k++) {
                assertThat(large.clients().get(k).clientNat()).as("client %d, seed %d", k, small.seed())
                        .isEqualTo(small.clients().get(k).clientNat());
            }
        }
    }

    @Test
    void aClientBeyondTheCapacityIsRefusedAndFailsSessionFull() throws Exception {
        PreparedPoint point = point("""
                seeds: 50
                session: {clients: 4, capacity: 3}
                host: {nat: full-cone}
                client: {nat: full-cone}
                """);
        for (long run = 0; run < 50; run++) {
            SessionOutcome session = point.session(run);
            long refused = session.clients().stream().filter(c -> c.failureReason() == FailureReason.SESSION_FULL).count();
            long direct = session.clients().stream().filter(c -> c.outcome() == Outcome.DIRECT).count();
            assertThat(refused).as("seed %d: %s", session.seed(), session.clients()).isEqualTo(2);
            assertThat(direct).as("seed %d: the two the session holds connect", session.seed()).isEqualTo(2);
            assertThat(session.anyFailed()).isTrue();
            assertThat(session.lastConnectNanos()).isEqualTo(-1);
            assertThat(point.session(run)).as("seed %d twice", session.seed()).isEqualTo(session);
        }
    }

    /** Records the sources of the datagrams that reach the host's node. */
    private static final class ArrivalsAtHost implements TraceListener, RunObserver {
        final List<Datagram> arrived = new ArrayList<>();

        @Override
        public void onStep(String peer, StepEvent event) {}

        @Override
        public TraceListener packets() {
            return this;
        }

        @Override
        public void onDeliver(long at, String node, Datagram datagram) {
            if (node.equals("host")) {
                arrived.add(datagram);
            }
        }
    }

    private static final String TWO_HOMES_ONE_CARRIER = """
            seeds: 20
            session: {clients: 2}
            network: {shared-nats: {carrier: cgnat}}
            host: {nat: %s}
            client: {nat: [full-cone, {shared: carrier}]}
            """;

    @Test
    void twoHomesBehindOneCarrierReachTheHostFromItsOneAddressPool() throws Exception {
        PreparedPoint point = point(TWO_HOMES_ONE_CARRIER.formatted("full-cone"));
        Topology topology = point.layout(point.hops(point.scenario().network().host().nat())).topology;
        Set<Integer> pool = new HashSet<>();
        for (int address : topology.addresses(topology.nodeIndex("shared-carrier"))) {
            pool.add(address);
        }
        assertThat(pool).as("the cgnat preset's pool").hasSize(4);
        for (long run = 0; run < 20; run++) {
            ArrivalsAtHost watch = new ArrivalsAtHost();
            SessionOutcome session = ConnectionRun.session(point, point.seed(run), watch);
            // Everything the host hears that is not the cloud's or the STUN server's comes from the pool.
            Set<String> fromClients = new HashSet<>();
            for (Datagram d : watch.arrived) {
                int source = d.source().ip();
                if (source != SiteLayout.CLOUD_ENDPOINT.ip() && source != SiteLayout.STUN_ENDPOINT.ip()) {
                    assertThat(pool).as("seed %d: %s from %s", session.seed(), d, Ipv4.format(source)).contains(source);
                    fromClients.add(d.source().toString());
                }
            }
            // One endpoint of the carrier per client (its home NAT's mapping, mapped again).
            assertThat(fromClients).as("seed %d", session.seed()).hasSize(2);
            assertThat(session.allDirect()).as("seed %d: %s", session.seed(), session.clients()).isTrue();
        }
    }

    @Test
    void aSymmetricHostNatHoldsOneMappingPerClientBesideTheCloudsAndTheStunServers() throws Exception {
        PreparedPoint point = point(TWO_HOMES_ONE_CARRIER.formatted("symmetric"));
        for (long run = 0; run < 20; run++) {
            SessionOutcome session = point.session(run);
            // Address and port-dependent mapping (RFC 4787 section 4.1): one mapping per destination,
            // the cloud, the STUN server and each client's reflexive endpoint, all live within a run.
            assertThat(session.hostNatPeakMappings()).as("seed %d", session.seed()).isEqualTo(2 + 2);
            // SPEC section 3: a symmetric host relays with any client.
            assertThat(session.clients()).extracting(RunOutcome::outcome).as("seed %d", session.seed())
                    .containsOnly(Outcome.RELAYED);
        }
    }

    @Test
    void aPortRestrictedHostNeedsOneMappingHoweverManyClients() throws Exception {
        PreparedPoint point = point("""
                seeds: 10
                session: {clients: 5}
                host: {nat: port-restricted-cone}
                client: {nat: full-cone}
                """);
        for (long run = 0; run < 10; run++) {
            SessionOutcome session = point.session(run);
            // Endpoint-independent mapping: one mapping for every destination (RFC 4787 section 4.1).
            assertThat(session.hostNatPeakMappings()).as("seed %d", session.seed()).isEqualTo(1);
            assertThat(session.allDirect()).as("seed %d", session.seed()).isTrue();
        }
    }

    // Host and client each behind a home full-cone NAT behind one carrier NAT. A datagram from one
    // toward the other's reflexive address (the carrier's own) needs the carrier to hairpin it (RFC
    // 4787 section 6): without hairpinning every direct attempt and ping dies there, and the pair
    // relays; with it, the home NATs (endpoint-independent filtering) let it in and the pair connects
    // directly.
    @ParameterizedTest(name = "hairpinning {0}")
    @ValueSource(booleans = {false, true})
    void aHostAndAClientBehindOneCarrierConnectDirectlyOnlyIfItHairpins(boolean hairpinning) throws Exception {
        PreparedPoint point = point("""
                seeds: 20
                network: {shared-nats: {carrier: {preset: cgnat, hairpinning: %s}}}
                host: {nat: [full-cone, {shared: carrier}]}
                client: {nat: [full-cone, {shared: carrier}]}
                """.formatted(hairpinning));
        for (long run = 0; run < 20; run++) {
            RunOutcome outcome = point.run(run);
            assertThat(outcome.outcome()).as("seed %d: %s", point.seed(run), outcome)
                    .isEqualTo(hairpinning ? Outcome.DIRECT : Outcome.RELAYED);
        }
    }

    @Test
    void aClientOnTheHostsHomeNetworkBesideClientsElsewhere() throws Exception {
        // The host and some clients right behind one home NAT without hairpinning, the others out on the
        // internet: those at home can only relay by reflexive addresses, the others punch.
        PreparedPoint point = point("""
                seeds: 100
                session: {clients: 3}
                network: {shared-nats: {home: linux-masquerade}}
                host: {nat: {shared: home}}
                client: {nat: {mix: [{nat: {shared: home}, weight: 50%}, {nat: full-cone, weight: 50%}]}}
                """);
        for (long run = 0; run < 100; run++) {
            SessionOutcome session = point.session(run);
            for (RunOutcome client : session.clients()) {
                Outcome expected = client.clientNat().equals("home") ? Outcome.RELAYED : Outcome.DIRECT;
                assertThat(client.outcome()).as("seed %d: %s", session.seed(), client).isEqualTo(expected);
            }
        }
    }

    @Test
    void aSessionOfNineClientsIsTheSameOnOneThreadAndOnTwo() throws Exception {
        String yaml = """
                seeds: 600
                session: {clients: 9}
                host: {nat: {population: home-broadband}}
                client: {nat: {population: mixed-players}, link: {preset: poor-wifi}}
                """;
        LoadedScenario loaded = ScenarioLoader.load("session.yaml", yaml);
        PointAggregate one = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(1)).run().points().get(0).aggregate();
        PointAggregate two = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(2)).run().points().get(0).aggregate();
        assertThat(two).as("root seed %d", loaded.base().rootSeed()).isEqualTo(one);
        assertThat(one.sessions()).isEqualTo(600);
        assertThat(one.runs()).isEqualTo(9 * 600);
    }
}
