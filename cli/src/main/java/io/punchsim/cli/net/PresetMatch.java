package io.punchsim.cli.net;

import io.punchsim.nat.MappingBehaviour;
import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatMode;
import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.protocol.stun.FilteringBehaviour;
import io.punchsim.realnet.stun.Classification;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The preset of the registry that RFC 5780 discovery cannot tell from what it observed, with the
 * other presets that look the same to these tests. The tests see a preset's kind, the mapping
 * {@link NatBehaviour#observedMapping()} states and its filtering; the first preset in registry order
 * is named. The matching lives here because realnet knows no NAT models.
 *
 * @param preset the matching preset's name, empty when no preset has this behaviour
 * @param note what else the observation is consistent with, or why nothing matches
 */
record PresetMatch(Optional<String> preset, String note) {

    static PresetMatch of(DiscoveryResult result) {
        return of(result, NatPresets.all());
    }

    static PresetMatch of(DiscoveryResult result, List<NatPreset> presets) {
        if (result instanceof DiscoveryResult.UdpBlocked) {
            return first(presets, b -> b.mode() == NatMode.UDP_BLOCKED, "no answer from the STUN server at all",
                    "no answer from the STUN server at all; no preset blocks UDP");
        }
        if (result instanceof DiscoveryResult.ServerLacksRfc5780) {
            return none("the STUN server does not support RFC 5780 (start it with --other to enable it)");
        }
        if (result instanceof DiscoveryResult.Inconclusive inconclusive) {
            return none("discovery was inconclusive: " + inconclusive.reason());
        }
        if (result instanceof DiscoveryResult.NoNat noNat) {
            io.punchsim.nat.FilteringBehaviour filtering = filtering(noNat.filtering());
            return noNat.isOpenInternet()
                    ? first(presets, b -> b.mode() == NatMode.OPEN, "no NAT and no filtering", "no NAT and no filtering, but no preset models that")
                    : first(presets, b -> b.mode() == NatMode.FIREWALL && b.filtering() == filtering,
                            "no NAT, a firewall with " + abbreviation(filtering),
                            "no NAT, but a firewall with " + Classification.name(noNat.filtering())
                                    + " filtering; no preset models that");
        }
        DiscoveryResult.BehindNat nat = (DiscoveryResult.BehindNat) result;
        MappingBehaviour mapping = MappingBehaviour.valueOf(nat.mapping().name());
        io.punchsim.nat.FilteringBehaviour filtering = filtering(nat.filtering());
        return first(presets, b -> b.mode() == NatMode.TRANSLATE && b.observedMapping() == mapping && b.filtering() == filtering,
                abbreviation(mapping) + " with " + abbreviation(filtering),
                "no preset has " + Classification.name(nat.mapping()) + " mapping with "
                        + Classification.name(nat.filtering()) + " filtering");
    }

    /** The first preset that looks like {@code seen}, noting any others that do too. */
    private static PresetMatch first(List<NatPreset> presets, Predicate<NatBehaviour> seen, String what, String otherwise) {
        List<String> matches = presets.stream().filter(p -> seen.test(p.behaviour())).map(NatPreset::name).toList();
        if (matches.isEmpty()) {
            return none(otherwise);
        }
        List<String> alike = matches.subList(1, matches.size());
        String note = alike.isEmpty() ? what
                : what + "; " + String.join(" and ", alike) + (alike.size() == 1 ? " looks" : " look") + " the same to these tests";
        return new PresetMatch(Optional.of(matches.get(0)), note);
    }

    private static PresetMatch none(String why) {
        return new PresetMatch(Optional.empty(), why);
    }

    private static io.punchsim.nat.FilteringBehaviour filtering(FilteringBehaviour observed) {
        return io.punchsim.nat.FilteringBehaviour.valueOf(observed.name());
    }

    /** RFC 4787's abbreviations: EIM, ADM, APDM; EIF, ADF, APDF. */
    private static String abbreviation(Enum<?> behaviour) {
        String letters = switch (behaviour.name()) {
            case "ENDPOINT_INDEPENDENT" -> "EI";
            case "ADDRESS_DEPENDENT" -> "AD";
            default -> "APD";
        };
        return letters + (behaviour instanceof MappingBehaviour ? "M" : "F");
    }
}
