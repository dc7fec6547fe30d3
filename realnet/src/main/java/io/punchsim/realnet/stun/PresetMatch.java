package io.punchsim.realnet.stun;

import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.protocol.stun.FilteringBehaviour;
import io.punchsim.protocol.stun.MappingBehaviour;
import java.util.Optional;

/**
 * The simulator preset (SPEC section 3) whose mapping and filtering match what RFC 5780 discovery
 * observed, with a note on presets that look the same to these tests.
 *
 * @param preset the matching preset's name, empty when no preset has this behaviour
 * @param note what else the observation is consistent with, or why nothing matches
 */
public record PresetMatch(Optional<String> preset, String note) {

    public static PresetMatch of(DiscoveryResult result) {
        if (result instanceof DiscoveryResult.UdpBlocked) {
            return new PresetMatch(Optional.of("udp-blocked"), "no answer from the STUN server at all");
        }
        if (result instanceof DiscoveryResult.ServerLacksRfc5780) {
            return none("the STUN server does not support RFC 5780 (start it with --other to enable it)");
        }
        if (result instanceof DiscoveryResult.Inconclusive inconclusive) {
            return none("discovery was inconclusive: " + inconclusive.reason());
        }
        if (result instanceof DiscoveryResult.NoNat noNat) {
            return noNat.filtering() == FilteringBehaviour.ENDPOINT_INDEPENDENT
                    ? new PresetMatch(Optional.of("open"), "no NAT and no filtering")
                    : none("no NAT, but a firewall with " + name(noNat.filtering()) + " filtering; no preset models that");
        }
        DiscoveryResult.BehindNat nat = (DiscoveryResult.BehindNat) result;
        MappingBehaviour mapping = nat.mapping();
        FilteringBehaviour filtering = nat.filtering();
        if (mapping == MappingBehaviour.ENDPOINT_INDEPENDENT) {
            return switch (filtering) {
                case ENDPOINT_INDEPENDENT -> new PresetMatch(Optional.of("full-cone"), "EIM with EIF");
                case ADDRESS_DEPENDENT -> new PresetMatch(Optional.of("restricted-cone"), "EIM with ADF");
                // A Linux MASQUERADE router keeps the inside port and filters by exact reply flow, which
                // these tests cannot tell from a port-restricted cone; its conntrack collisions show
                // only between two peers.
                case ADDRESS_AND_PORT_DEPENDENT -> new PresetMatch(Optional.of("port-restricted-cone"),
                        "EIM with APDF; linux-masquerade looks the same to these tests");
            };
        }
        if (mapping == MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT && filtering == FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT) {
            return new PresetMatch(Optional.of("symmetric"),
                    "APDM with APDF; linux-masquerade-random-fully looks the same to these tests");
        }
        return none("no preset has " + name(mapping) + " mapping with " + name(filtering) + " filtering");
    }

    private static PresetMatch none(String why) {
        return new PresetMatch(Optional.empty(), why);
    }

    /** RFC 4787's wording, e.g. "address-and-port-dependent". */
    public static String name(Enum<?> behaviour) {
        return behaviour.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
