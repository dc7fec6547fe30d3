package io.punchsim.scenarios.run;

import io.punchsim.scenarios.model.CustomNat;
import io.punchsim.scenarios.model.NatChain;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.NamedNat;
import io.punchsim.scenarios.model.NatSpec;
import io.punchsim.scenarios.model.PresetNat;
import io.punchsim.scenarios.model.SharedNat;
import java.util.ArrayList;
import java.util.List;

/** The hops of a scenario's NAT, from the peer outward; each already holds its NAT models' behaviour. */
final class NatModels {

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
            into.add(new NatHop(preset.preset().behaviour(), preset.preset().externalAddresses()));
        } else if (spec instanceof CustomNat custom) {
            into.add(new NatHop(custom.behaviour(), custom.externalAddresses()));
        } else if (spec instanceof NamedNat named) {
            collect(named.nat(), into);
        } else if (spec instanceof SharedNat shared) {
            List<NatHop> declared = hops(shared.nat());
            if (declared.size() != 1) {
                throw new IllegalArgumentException("shared NAT " + shared.name() + " is one NAT, not " + declared.size());
            }
            into.add(new NatHop(declared.get(0).behaviour(), declared.get(0).externalAddresses(), shared.name()));
        } else if (spec instanceof NatMix) {
            throw new IllegalArgumentException("a NAT mix must be drawn before it is resolved");
        } else {
            throw new IllegalArgumentException("unknown NAT description " + spec);
        }
    }
}
