package io.punchsim.nat;

/** What a NAT does with a packet that needs a new mapping when its table is full. */
public enum CapPolicy {
    /** The packet is dropped with {@code NO_MAPPING}; existing mappings are kept. */
    DROP_NEW,
    /** The mapping created first among the live ones is removed to make room. */
    EVICT_OLDEST
}
