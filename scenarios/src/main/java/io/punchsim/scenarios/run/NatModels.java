package io.punchsim.scenarios.run;

import io.punchsim.nat.CapPolicy;
import io.punchsim.nat.FilteringBehaviour;
import io.punchsim.nat.Lifetime;
import io.punchsim.nat.MappingBehaviour;
import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatPresets;
import io.punchsim.nat.PortAllocation;
import io.punchsim.nat.PortRange;
import io.punchsim.nat.Pooling;
import io.punchsim.scenarios.model.CustomNat;
import io.punchsim.scenarios.model.NatChain;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.NatPreset;
import io.punchsim.scenarios.model.NatSpec;
import io.punchsim.scenarios.model.PresetNat;
import java.util.ArrayList;
import java.util.List;

/** Turns the scenario's NAT descriptions into the NAT models' behaviours, hop by hop. */
final class NatModels {
    /** A carrier-grade NAT shares a small pool of public addresses among its subscribers. */
    private static final int CGNAT_POOL = 4;

    private NatModels() {}

    /** The hops of a NAT description that is not a mix, from the peer outward. */
    static List<NatHop> hops(NatSpec spec) {
        List<NatHop> hops = new ArrayList<>();
        collect(spec, hops);
        return List.copyOf(hops);
    }

    private static void collect(NatSpec spec, List<NatHop> into) {
        if (spec instanceof NatChain chain) {
            for (NatSpec hop : chain.hops()) {
                collect(hop, into);
            }
        } else if (spec instanceof PresetNat preset) {
            into.add(new NatHop(preset(preset.preset()), poolOf(preset.preset())));
        } else if (spec instanceof CustomNat custom) {
            into.add(custom(custom));
        } else if (spec instanceof NatMix) {
            throw new IllegalArgumentException("a NAT mix must be drawn before it is resolved");
        } else {
            throw new IllegalArgumentException("unknown NAT description " + spec);
        }
    }

    private static NatBehaviour preset(NatPreset preset) {
        return NatPresets.byName(preset.key()).behaviour();
    }

    private static int poolOf(NatPreset preset) {
        return preset == NatPreset.CGNAT ? CGNAT_POOL : 1;
    }

    private static NatHop custom(CustomNat custom) {
        var o = custom.behaviour();
        NatBehaviour b = custom.base().map(NatModels::preset).orElse(NatPresets.FULL_CONE);
        int pool = custom.base().map(NatModels::poolOf).orElse(1);
        if (o.mapping().isPresent()) {
            b = b.withMapping(MappingBehaviour.valueOf(o.mapping().get().name()));
        }
        if (o.filtering().isPresent()) {
            b = b.withFiltering(FilteringBehaviour.valueOf(o.filtering().get().name()));
        }
        if (o.allocation().isPresent()) {
            int step = o.portStep().orElse(1);
            b = b.withAllocation(switch (o.allocation().get()) {
                case PRESERVE -> new PortAllocation.Preserve(new PortAllocation.Sequential(step));
                case SEQUENTIAL -> new PortAllocation.Sequential(step);
                case RANDOM -> new PortAllocation.Random();
            });
        } else if (o.portStep().isPresent() && b.allocation() instanceof PortAllocation.Sequential) {
            b = b.withAllocation(new PortAllocation.Sequential(o.portStep().get()));
        }
        if (o.portRange().isPresent()) {
            b = b.withPorts(new PortRange(o.portRange().get().low(), o.portRange().get().high()));
        }
        if (o.lifetimeNanos().isPresent() || o.inboundRefresh().isPresent()) {
            Lifetime current = b.lifetime();
            Lifetime lifetime = o.lifetimeNanos()
                    .map(l -> new Lifetime(l, l, current.inboundRefresh()))
                    .orElse(current);
            b = b.withLifetime(lifetime.withInboundRefresh(o.inboundRefresh().orElse(current.inboundRefresh())));
        }
        if (o.hairpinning().isPresent()) {
            b = b.withHairpinning(o.hairpinning().get());
        }
        if (o.externalAddresses().isPresent()) {
            pool = o.externalAddresses().get();
        }
        if (o.pooling().isPresent()) {
            b = b.withPooling(Pooling.valueOf(o.pooling().get().name()));
        }
        if (o.maxMappings().isPresent() || o.onFull().isPresent()) {
            CapPolicy policy = o.onFull()
                    .map(f -> f == io.punchsim.scenarios.model.NatBehaviour.OnFull.DROP
                            ? CapPolicy.DROP_NEW : CapPolicy.EVICT_OLDEST)
                    .orElse(b.onCapReached());
            b = b.withCap(o.maxMappings().orElse(b.maxMappings()), policy);
        }
        return new NatHop(b, pool);
    }
}
