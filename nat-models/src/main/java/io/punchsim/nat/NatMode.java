package io.punchsim.nat;

/** What kind of middlebox a NAT node is. */
public enum NatMode {
    /** Translates addresses and filters (a NAT proper). */
    TRANSLATE,
    /** Filters like a NAT but keeps addresses: a stateful firewall. */
    FIREWALL,
    /** Neither translates nor filters: a host with a public address. */
    OPEN,
    /** Drops every UDP datagram in both directions. */
    UDP_BLOCKED
}
