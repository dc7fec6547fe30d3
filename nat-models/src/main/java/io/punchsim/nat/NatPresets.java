package io.punchsim.nat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The NAT presets by name, the one place a new preset is added. */
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

    private static final Map<String, NatPreset> BY_NAME = new LinkedHashMap<>();

    static {
        add("open", OPEN, "No translation or filtering: a publicly addressed host.");
        add("full-cone", FULL_CONE, "RFC 4787 EIM (REQ-1) + EIF; RFC 3489 full cone.");
        add("restricted-cone", RESTRICTED_CONE, "RFC 4787 EIM + ADF (REQ-8); RFC 3489 restricted cone.");
        add("port-restricted-cone", PORT_RESTRICTED_CONE, "RFC 4787 EIM + APDF; RFC 3489 port-restricted cone.");
        add("symmetric", SYMMETRIC, "RFC 4787 APDM + APDF with random ports; RFC 3489 symmetric.");
        add("udp-blocked", UDP_BLOCKED, "A network that drops all UDP.");
        add("firewall", FIREWALL, "A stateful firewall: RFC 4787 APDF filtering without translation.");
        add("linux-masquerade", LINUX_MASQUERADE,
                "Linux netfilter MASQUERADE and conntrack (nf_conntrack_udp_timeout 30 s, _stream 120 s).");
        add("linux-masquerade-random-fully", LINUX_MASQUERADE_RANDOM_FULLY,
                "Linux MASQUERADE --random-fully (NF_NAT_RANGE_PROTO_RANDOM_FULLY): a random port per flow.");
        add("cgnat", CGNAT, "RFC 6888 carrier-grade NAT over RFC 4787; short timeout as on mobile carriers.");
    }

    private static void add(String name, NatBehaviour behaviour, String source) {
        BY_NAME.put(name, new NatPreset(name, behaviour, source));
    }

    /** The preset called {@code name}. */
    public static NatPreset byName(String name) {
        NatPreset preset = BY_NAME.get(name);
        if (preset == null) {
            throw new IllegalArgumentException("unknown NAT preset '" + name + "'; known: " + names());
        }
        return preset;
    }

    /** Every preset name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
