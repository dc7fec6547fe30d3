package io.punchsim.scenarios.load;

import io.punchsim.nat.CapPolicy;
import io.punchsim.nat.FilteringBehaviour;
import io.punchsim.nat.MappingBehaviour;
import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatMode;
import io.punchsim.nat.NatPreset;
import io.punchsim.nat.Pooling;
import io.punchsim.nat.PortAllocation;
import io.punchsim.nat.PortMapping;
import io.punchsim.nat.PortReuse;
import io.punchsim.protocol.config.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.punchsim.scenarios.model.ScenarioDefaults.S;

/**
 * How scenario files spell the NAT models' values, both ways, and the ranges of the custom NAT
 * keys. The binder reads these words, the schema lists them, {@code punchsim presets} writes them.
 */
public final class NatWords {

    public static final int MAX_PORT_STEP = 65_535;
    public static final long MIN_LIFETIME = S;
    public static final long MAX_LIFETIME = 24 * 3_600 * S;
    /** A NAT's addresses are numbered .10 to .255 of one /24 of the virtual network. */
    public static final int MAX_EXTERNAL_ADDRESSES = 246;
    public static final int MAX_MAPPINGS = 1_000_000;
    /** NATs of one chain; the virtual network numbers each translating hop's addresses by its index. */
    public static final int MAX_HOPS = 16;

    public static final List<String> MAPPINGS = words(MappingBehaviour.values());
    public static final List<String> FILTERINGS = words(FilteringBehaviour.values());
    public static final List<String> ALLOCATIONS = List.of("preserve", "sequential", "random");
    public static final List<String> POOLINGS = words(Pooling.values());
    public static final List<String> ON_FULL = List.of("drop", "evict-oldest");
    public static final List<String> PORT_MAPPINGS = words(PortMapping.values());

    private NatWords() {
    }

    /** An enum constant in kebab case, e.g. {@code endpoint-independent}. */
    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> words(Enum<?>[] values) {
        return Arrays.stream(values).map(NatWords::word).toList();
    }

    static <E extends Enum<E>> E value(Class<E> type, String word) {
        return Enum.valueOf(type, word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** {@code preserve} keeps the inside port when free, else allocates sequentially by {@code step}. */
    static PortAllocation allocation(String word, int step) {
        return switch (word) {
            case "preserve" -> new PortAllocation.Preserve(new PortAllocation.Sequential(step));
            case "sequential" -> new PortAllocation.Sequential(step);
            case "random" -> new PortAllocation.Random();
            default -> throw new IllegalArgumentException("not an allocation: " + word);
        };
    }

    /**
     * The word for an allocation; a preserve that falls back to random, which files cannot write
     * ({@code preserve} there falls back to sequential), is {@code preserve, else random}.
     */
    public static String allocation(PortAllocation allocation) {
        if (allocation instanceof PortAllocation.Preserve preserve) {
            return preserve.fallback() instanceof PortAllocation.Random ? "preserve, else random" : "preserve";
        }
        return allocation instanceof PortAllocation.Sequential ? "sequential" : "random";
    }

    /** The step of the sequential part of an allocation (itself, or the fallback of preserve). */
    public static Optional<Integer> step(PortAllocation allocation) {
        if (allocation instanceof PortAllocation.Preserve preserve) {
            return step(preserve.fallback());
        }
        return allocation instanceof PortAllocation.Sequential sequential ? Optional.of(sequential.step()) : Optional.empty();
    }

    /** The allocation with its sequential part stepping by {@code step}; unchanged when it has none. */
    static PortAllocation withStep(PortAllocation allocation, int step) {
        if (allocation instanceof PortAllocation.Preserve preserve) {
            return new PortAllocation.Preserve(withStep(preserve.fallback(), step));
        }
        return allocation instanceof PortAllocation.Sequential ? new PortAllocation.Sequential(step) : allocation;
    }

    static CapPolicy onFull(String word) {
        return word.equals("drop") ? CapPolicy.DROP_NEW : CapPolicy.EVICT_OLDEST;
    }

    public static String onFull(CapPolicy policy) {
        return policy == CapPolicy.DROP_NEW ? "drop" : "evict-oldest";
    }

    /** What kind of box a preset is, in one word: {@code nat}, {@code firewall}, {@code open}, {@code udp-blocked}. */
    public static String kind(NatMode mode) {
        return mode == NatMode.TRANSLATE ? "nat" : word(mode);
    }

    /** One setting of a NAT as a scenario file writes it. */
    public record Setting(String key, String value) {
    }

    /**
     * A preset's settings under the custom NAT keys, as a scenario file would write them, limited to
     * those that matter for its kind (none for {@code open} and {@code udp-blocked}).
     */
    public static List<Setting> settings(NatPreset preset) {
        NatBehaviour b = preset.behaviour();
        List<Setting> settings = new ArrayList<>();
        if (b.mode() == NatMode.OPEN || b.mode() == NatMode.UDP_BLOCKED) {
            return settings;
        }
        boolean translates = b.mode() == NatMode.TRANSLATE;
        if (translates) {
            settings.add(new Setting("mapping", word(b.mapping())));
        }
        settings.add(new Setting("filtering", word(b.filtering())));
        if (translates) {
            settings.add(new Setting("allocation", allocation(b.allocation())));
            step(b.allocation()).ifPresent(step -> settings.add(new Setting("port-step", Integer.toString(step))));
            settings.add(new Setting("port-range", "[" + b.ports().low() + ", " + b.ports().high() + "]"));
        }
        settings.add(new Setting("lifetime", Units.formatDuration(b.lifetime().unrepliedNanos())));
        settings.add(new Setting("inbound-refresh", Boolean.toString(b.lifetime().inboundRefresh())));
        if (translates) {
            settings.add(new Setting("hairpinning", Boolean.toString(b.hairpinning())));
            settings.add(new Setting("external-addresses", Integer.toString(preset.externalAddresses())));
            settings.add(new Setting("pooling", word(b.pooling())));
        }
        settings.add(new Setting("max-mappings", Integer.toString(b.maxMappings())));
        settings.add(new Setting("on-full", onFull(b.onCapReached())));
        if (b.portMapping().offered()) {
            settings.add(new Setting("port-mapping", word(b.portMapping())));
        }
        return settings;
    }

    /** What a preset does that no scenario key can say, in words; empty for most presets. */
    public static List<String> beyondTheKeys(NatBehaviour b) {
        List<String> notes = new ArrayList<>();
        if (b.mode() == NatMode.TRANSLATE && b.observedMapping() != b.mapping()) {
            notes.add("looks " + word(b.observedMapping()) + " to RFC 5780 tests from one endpoint");
        }
        if (b.portReuse() == PortReuse.PER_REMOTE_ENDPOINT) {
            notes.add("an external port is shared by flows toward different remotes (conntrack tuples)");
        }
        if (b.lifetime().repliedNanos() != b.lifetime().unrepliedNanos()) {
            notes.add("lifetime " + Units.formatDuration(b.lifetime().unrepliedNanos()) + " until a reply, then "
                    + Units.formatDuration(b.lifetime().repliedNanos()));
        }
        if (b.inboundCreatesEntry()) {
            notes.add("an unsolicited inbound packet leaves an entry of its own, so a later flow toward that remote gets another port");
        }
        return notes;
    }
}
