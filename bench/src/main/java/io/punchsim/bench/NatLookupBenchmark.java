package io.punchsim.bench;

import io.punchsim.nat.NatPresets;
import io.punchsim.nat.NatTable;
import io.punchsim.nat.NatVerdict;
import io.punchsim.sim.net.Endpoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one datagram through a NAT table holding 10 or 10,000 live mappings: an outbound packet
 * of an existing flow (lookup and refresh) and an inbound reply (lookup and filter check).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NatLookupBenchmark {

    @Param({"10", "10000"})
    public int mappings;

    @Param({"port-restricted-cone", "symmetric", "linux-masquerade"})
    public String preset;

    private NatTable table;
    private Endpoint[] inside;
    private Endpoint[] remotes;
    private Endpoint[] external;
    private int next;
    private long now;

    @Setup(Level.Trial)
    public void fill() {
        table = new NatTable(NatPresets.byName(preset).behaviour(), List.of(Endpoint.of("203.0.113.1", 0).ip()),
                RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        inside = new Endpoint[mappings];
        remotes = new Endpoint[mappings];
        external = new Endpoint[mappings];
        int insideBase = Endpoint.of("10.0.0.0", 0).ip();
        int remoteBase = Endpoint.of("198.51.0.0", 0).ip();
        for (int i = 0; i < mappings; i++) {
            inside[i] = new Endpoint(insideBase + 1 + i / 1000, 2000 + i % 1000);
            remotes[i] = new Endpoint(remoteBase + i, 3478);
            external[i] = ((NatVerdict.Pass) table.outbound(0, inside[i], remotes[i])).source();
        }
    }

    @Benchmark
    public NatVerdict outboundExistingFlow() {
        int i = step();
        return table.outbound(now, inside[i], remotes[i]);
    }

    @Benchmark
    public NatVerdict inboundReply() {
        int i = step();
        return table.inbound(now, remotes[i], external[i]);
    }

    /** Cycles through the flows; time creeps forward by 1 ns per packet, far inside every lifetime. */
    private int step() {
        now++;
        int i = next;
        next = i + 1 == mappings ? 0 : i + 1;
        return i;
    }
}
