package io.punchsim.scenarios.run;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.StartupDelay;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.NatSpec;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sweep point made ready to run: its protocol config built and validated, every NAT it can draw
 * resolved to behaviours, and the topologies its runs need built up front (one per shape of NAT
 * chains), so that routes are computed once and shared by all runs and threads.
 */
public final class PreparedPoint {
    private final SweepPoint point;
    private final ProtocolConfig protocol;
    private final Map<NatSpec, List<NatHop>> hops = new IdentityHashMap<>();
    /**
     * The layouts by the identity of the host's hop list (the lists {@link #hops} hands out), so a
     * run finds its layout without building a key. Filled while the point is prepared, only read
     * afterwards.
     */
    private final Map<List<NatHop>, SiteLayout> byHostSide = new IdentityHashMap<>();

    private PreparedPoint(SweepPoint point) {
        this.point = point;
        // Each run fixes the peers' start-up delays, drawn from the scenario's own distributions, and
        // the number of clients the host waits for.
        this.protocol = point.scenario().protocol().toBuilder().startupDelay(StartupDelay.NONE).build();
        resolve(point.scenario().network().host().nat());
        resolve(point.scenario().network().client().nat());
        buildLayouts();
    }

    /**
     * Resolves everything that can be wrong with the point before any run starts, so a bad point is
     * never half-run.
     *
     * @throws IllegalArgumentException naming what is inconsistent
     */
    public static PreparedPoint of(SweepPoint point) {
        return new PreparedPoint(point);
    }

    private void resolve(NatSpec spec) {
        if (spec instanceof NatMix mix) {
            for (NatMix.Option option : mix.options()) {
                resolve(option.nat());
            }
        } else {
            hops.put(spec, NatModels.hops(spec));
        }
    }

    /**
     * Builds the topology of every shape of the host's NAT chain the point's runs can draw, with a
     * copy of each client's side for every shape the clients' chains can take, routes included, so a
     * layout that cannot be built fails here rather than in the middle of a sweep, and no run pays
     * for building one.
     */
    private void buildLayouts() {
        Scenario scenario = point.scenario();
        List<List<NatHop>> hostSides = sides(scenario.network().host().nat());
        List<List<NatHop>> clientShapes = new ArrayList<>();
        Map<List<NatHop>, Integer> clientLists = new IdentityHashMap<>();
        if (!scenario.network().sameLan()) {
            Map<String, Integer> shapeIndex = new HashMap<>();
            for (List<NatHop> client : sides(scenario.network().client().nat())) {
                int index = shapeIndex.computeIfAbsent(SiteLayout.shapeKey(client), key -> {
                    clientShapes.add(client);
                    return clientShapes.size() - 1;
                });
                clientLists.put(client, index);
            }
        } else {
            clientShapes.add(List.of());
        }
        // Host chains of one shape share one layout.
        Map<String, SiteLayout> byShape = new HashMap<>();
        for (List<NatHop> host : hostSides) {
            SiteLayout layout = byShape.computeIfAbsent(SiteLayout.shapeKey(host),
                    key -> SiteLayout.build(scenario, host, clientShapes, clientLists));
            byHostSide.put(host, layout);
        }
    }

    private List<List<NatHop>> sides(NatSpec spec) {
        List<List<NatHop>> sides = new ArrayList<>();
        if (spec instanceof NatMix mix) {
            for (NatMix.Option option : mix.options()) {
                sides.addAll(sides(option.nat()));
            }
        } else {
            sides.add(hops.get(spec));
        }
        return sides;
    }

    public SweepPoint point() {
        return point;
    }

    public Scenario scenario() {
        return point.scenario();
    }

    /** The seed of run {@code run} of this point: {@code root-seed + run}, the same for every point. */
    public long seed(long run) {
        return point.scenario().rootSeed() + run;
    }

    /**
     * Runs {@code from} (inclusive) to {@code to} (exclusive) of this point and adds their sessions
     * to {@code into}. Any split of a point's runs into ranges, merged, gives the same aggregate.
     *
     * @throws RunFailedException naming the point and the seed, if a run fails
     */
    public void runInto(PointAggregate into, long from, long to) {
        for (long run = from; run < to; run++) {
            into.add(session(run));
        }
    }

    /**
     * Run {@code run} of this point (seed {@code root-seed + run}): one game session.
     *
     * @throws RunFailedException naming the point and the seed, if the run fails
     */
    public SessionOutcome session(long run) {
        long seed = seed(run);
        try {
            return ConnectionRun.session(this, seed, null);
        } catch (RuntimeException e) {
            throw new RunFailedException(point, seed, e);
        }
    }

    /**
     * The outcome of the first client of run {@code run}: the run's only one when the scenario has
     * one client.
     *
     * @throws RunFailedException naming the point and the seed, if the run fails
     */
    public RunOutcome run(long run) {
        return session(run).clients().get(0);
    }

    ProtocolConfig protocol() {
        return protocol;
    }

    List<NatHop> hops(NatSpec drawn) {
        return hops.get(drawn);
    }

    /** The layout for a host chain drawn from {@link #hops}. */
    SiteLayout layout(List<NatHop> host) {
        return byHostSide.get(host);
    }
}
