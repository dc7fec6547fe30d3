package io.punchsim.scenarios.run;

import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.LinkSpec;
import io.punchsim.scenarios.model.LossSpec;
import io.punchsim.sim.link.DirectionSpec;
import io.punchsim.sim.link.Fault;
import io.punchsim.sim.link.LatencyModel;
import io.punchsim.sim.link.LossModel;
import java.util.List;

/** Turns the scenario's link descriptions into the kernel's link models. */
final class LinkModels {
    private LinkModels() {}

    static LatencyModel latency(LatencySpec spec) {
        if (spec instanceof LatencySpec.Constant c) {
            return LatencyModel.constant(c.nanos());
        } else if (spec instanceof LatencySpec.Uniform u) {
            return u.lowNanos() == u.highNanos()
                    ? LatencyModel.constant(u.lowNanos())
                    : new LatencyModel.Uniform(u.lowNanos(), u.highNanos());
        } else if (spec instanceof LatencySpec.Normal n) {
            return n.sdNanos() == 0
                    ? LatencyModel.constant(n.meanNanos())
                    : new LatencyModel.TruncatedNormal(n.meanNanos(), n.sdNanos());
        } else if (spec instanceof LatencySpec.LogNormal l) {
            return new LatencyModel.LogNormal(l.medianNanos(), l.sigma());
        } else if (spec instanceof LatencySpec.Pareto p) {
            return new LatencyModel.Pareto(p.scaleNanos(), p.shape());
        } else if (spec instanceof LatencySpec.Empirical e) {
            return new LatencyModel.Empirical(
                    e.points().stream().mapToLong(LatencySpec.Point::nanos).toArray(),
                    e.points().stream().mapToDouble(LatencySpec.Point::probability).toArray());
        }
        throw new IllegalArgumentException("unknown latency " + spec);
    }

    static LossModel loss(LossSpec spec) {
        if (spec instanceof LossSpec.Bernoulli b) {
            return b.rate() == 0 ? LossModel.NONE : LossModel.bernoulli(b.rate());
        } else if (spec instanceof LossSpec.GilbertElliott g) {
            return new LossModel.GilbertElliott(g.pGoodToBad(), g.pBadToGood(), g.lossGood(), g.lossBad());
        }
        throw new IllegalArgumentException("unknown loss " + spec);
    }

    /** Jitter in a scenario is a bound: each datagram gets an extra delay drawn uniformly from [0, jitter]. */
    static DirectionSpec direction(LinkSpec.Direction spec, List<Fault> faults) {
        LatencyModel jitter = spec.jitterNanos() == 0
                ? LatencyModel.constant(0)
                : new LatencyModel.Uniform(0, spec.jitterNanos());
        return new DirectionSpec(latency(spec.latency()), jitter, spec.fifo(), loss(spec.loss()), spec.duplication(),
                faults);
    }

    /** A lossless, jitter-free direction with the given latency distribution. */
    static DirectionSpec plain(LatencySpec latency, List<Fault> faults) {
        return new DirectionSpec(latency(latency), LatencyModel.constant(0), false, LossModel.NONE, 0, faults);
    }
}
