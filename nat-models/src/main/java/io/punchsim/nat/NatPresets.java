package io.punchsim.nat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NAT preset registry, the one place a new preset is added: its behaviour and one entry with
 * its name, external addresses, description and source. Scenario files, the JSON Schema, the
 * README tables, {@code punchsim presets} and {@code classify} all read the presets from here.
 */
public final class NatPresets {
    private NatPresets() {}

    /** RFC 4787 REQ-5: a mapping must not expire in less than two minutes. */
    private static final Lifetime TWO_MINUTES = Lifetime.of(Duration.ofMinutes(2));
    private static final int DEFAULT_CAP = 65_536;

    /** The classic cone and symmetric NATs: preserve ports, hairpin, paired pooling, 2 min lifetime. */
    private static final NatBehaviour CLASSIC = new NatBehaviour(
            NatMode.TRANSLATE,
            MappingBehaviour.ENDPOINT_INDEPENDENT,
            FilteringBehaviour.ENDPOINT_INDEPENDENT,
            PortAllocation.preserveThenSequential(),
            PortRange.UNPRIVILEGED,
            PortReuse.EXCLUSIVE,
            TWO_MINUTES,
            false,
            true,
            Pooling.PAIRED,
            DEFAULT_CAP,
            CapPolicy.DROP_NEW);

    /** No NAT: a host with a public address. */
    public static final NatBehaviour OPEN = CLASSIC.withMode(NatMode.OPEN);

    /** EIM + EIF (RFC 3489 "full cone"). */
    public static final NatBehaviour FULL_CONE = CLASSIC;

    /** EIM + ADF (RFC 3489 "restricted cone"). */
    public static final NatBehaviour RESTRICTED_CONE = CLASSIC.withFiltering(FilteringBehaviour.ADDRESS_DEPENDENT);

    /** EIM + APDF (RFC 3489 "port-restricted cone"). */
    public static final NatBehaviour PORT_RESTRICTED_CONE =
            CLASSIC.withFiltering(FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT);

    /** APDM + APDF with a random port per mapping (RFC 3489 "symmetric"). */
    public static final NatBehaviour SYMMETRIC = CLASSIC
            .withMapping(MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT)
            .withFiltering(FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT)
            .withAllocation(new PortAllocation.Random());

    /** Every UDP datagram dropped, both ways (networks that allow only TCP or HTTP). */
    public static final NatBehaviour UDP_BLOCKED = CLASSIC.withMode(NatMode.UDP_BLOCKED);

    /** A stateful firewall without translation: APDF on the host's own address. */
    public static final NatBehaviour FIREWALL = CLASSIC
            .withMode(NatMode.FIREWALL)
            .withFiltering(FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT);

    /**
     * iptables MASQUERADE over conntrack: one entry per flow, the inside port kept while the
     * translated flow is free (else a port from a random offset in 1024-65535, as recent kernels
     * choose on a clash), only the reply flow let in,
     * 30 s for an unreplied entry and 120 s once replied, refreshed both ways; an unsolicited inbound
     * packet leaves its own entry, so a later outbound flow toward that remote gets another port.
     * No hairpinning without extra rules; a full table drops new flows.
     */
    public static final NatBehaviour LINUX_MASQUERADE = new NatBehaviour(
            NatMode.TRANSLATE,
            MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT,
            FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT,
            PortAllocation.preserveThenRandom(),
            PortRange.UNPRIVILEGED,
            PortReuse.PER_REMOTE_ENDPOINT,
            new Lifetime(Duration.ofSeconds(30).toNanos(), Duration.ofSeconds(120).toNanos(), true),
            true,
            false,
            Pooling.PAIRED,
            DEFAULT_CAP,
            CapPolicy.DROP_NEW);

    /** MASQUERADE {@code --random-fully}: as {@link #LINUX_MASQUERADE} with a random port per flow. */
    public static final NatBehaviour LINUX_MASQUERADE_RANDOM_FULLY =
            LINUX_MASQUERADE.withAllocation(new PortAllocation.Random());

    /**
     * A carrier-grade NAT (RFC 6888): EIM and paired pooling over a pool shared by subscribers
     * (REQ-1, REQ-2, through RFC 4787), address-dependent filtering, random ports, hairpinning, and
     * the short 30 s UDP timeout seen on mobile carriers.
     */
    public static final NatBehaviour CGNAT = CLASSIC
            .withFiltering(FilteringBehaviour.ADDRESS_DEPENDENT)
            .withAllocation(new PortAllocation.Random())
            .withLifetime(Lifetime.of(Duration.ofSeconds(30)));

    /** A carrier-grade NAT shares a small pool of public addresses among its subscribers. */
    private static final int CGNAT_POOL = 4;

    /** The registry, in the order listings show it: the classic types first. */
    private static final List<NatPreset> ALL = List.of(
            new NatPreset("open", OPEN, 1,
                    "No NAT and no filtering: a host with a public address.",
                    "RFC 3489 §10.1 'Open Internet'"),
            new NatPreset("full-cone", FULL_CONE, 1,
                    "EIM + EIF: any remote reaches a live mapping; ports preserved, else sequential; hairpinning; 2 min.",
                    "RFC 4787 §4.1 REQ-1, §5, REQ-5 (2 min), REQ-9 (hairpinning); RFC 3489 §5 'full cone'"),
            new NatPreset("restricted-cone", RESTRICTED_CONE, 1,
                    "EIM + ADF: only addresses the inside host has sent to get in; otherwise as full-cone.",
                    "RFC 4787 §5, REQ-8; RFC 3489 §5 'restricted cone'"),
            new NatPreset("port-restricted-cone", PORT_RESTRICTED_CONE, 1,
                    "EIM + APDF: only the exact addresses and ports sent to get in; otherwise as full-cone.",
                    "RFC 4787 §5; RFC 3489 §5 'port restricted cone'"),
            new NatPreset("symmetric", SYMMETRIC, 1,
                    "APDM + APDF with a random port per mapping; otherwise as full-cone.",
                    "RFC 4787 §4.1, §4.2; RFC 3489 §5 'symmetric'"),
            new NatPreset("udp-blocked", UDP_BLOCKED, 1,
                    "Every UDP datagram dropped both ways: a network that lets only TCP or HTTP through.",
                    "RFC 3489 §10.1 'UDP blocked'"),
            new NatPreset("firewall", FIREWALL, 1,
                    "A stateful firewall: addresses kept, APDF, 2 min.",
                    "RFC 3489 §10.1 'symmetric UDP firewall'; RFC 4787 §5 filtering without translation"),
            new NatPreset("linux-masquerade", LINUX_MASQUERADE, 1,
                    "Linux MASQUERADE: a port shared per flow, the inside port kept when free else random, APDF, "
                            + "30 s unreplied / 120 s replied, unsolicited inbound leaves an entry, no hairpinning.",
                    "iptables MASQUERADE over conntrack: nf_conntrack_udp_timeout, nf_conntrack_udp_timeout_stream, "
                            + "nf_nat_used_tuple, nf_conntrack_max; read back with conntrack -L"),
            new NatPreset("linux-masquerade-random-fully", LINUX_MASQUERADE_RANDOM_FULLY, 1,
                    "As linux-masquerade, with a random port for every flow.",
                    "iptables MASQUERADE --random-fully (NF_NAT_RANGE_PROTO_RANDOM_FULLY)"),
            new NatPreset("cgnat", CGNAT, CGNAT_POOL,
                    "Carrier-grade NAT: EIM + ADF, random ports, paired pooling over 4 shared addresses, hairpinning, 30 s.",
                    "RFC 6888 REQ-1 (RFC 4787 behaviour), REQ-2 (paired pooling); the 30 s timeout is an assumption "
                            + "(home gateways: at least 30 s, Hätönen et al., IMC 2010)"));

    private static final Map<String, NatPreset> BY_NAME = new LinkedHashMap<>();

    static {
        for (NatPreset preset : ALL) {
            if (BY_NAME.put(preset.name(), preset) != null) {
                throw new IllegalStateException("two presets named " + preset.name());
            }
        }
    }

    /** Every preset, in a stable order. */
    public static List<NatPreset> all() {
        return ALL;
    }

    /** The preset called {@code name}, if there is one. */
    public static Optional<NatPreset> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The preset called {@code name}. */
    public static NatPreset byName(String name) {
        return find(name).orElseThrow(
                () -> new IllegalArgumentException("unknown NAT preset '" + name + "'; known: " + names()));
    }

    /** Every preset name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
