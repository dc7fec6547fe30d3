package io.punchsim.scenarios.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The named NAT presets, spelled as in scenario files. */
public enum NatPreset {
    OPEN("open"),
    FULL_CONE("full-cone"),
    RESTRICTED_CONE("restricted-cone"),
    PORT_RESTRICTED_CONE("port-restricted-cone"),
    SYMMETRIC("symmetric"),
    UDP_BLOCKED("udp-blocked"),
    LINUX_MASQUERADE("linux-masquerade"),
    LINUX_MASQUERADE_RANDOM_FULLY("linux-masquerade-random-fully"),
    CGNAT("cgnat");

    private final String key;

    NatPreset(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<NatPreset> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(NatPreset::key).toList();
    }
}
