package io.punchsim.nat;

/**
 * Whether one external port may serve several mappings at once.
 *
 * <p>Most NAT models give each mapping a port of its own. Linux conntrack only needs the whole
 * translated flow (external endpoint, remote endpoint) to be unique, so two flows toward different
 * remotes may share an external port, and a flow collides only with one toward the same remote.
 */
public enum PortReuse {
    /** An external endpoint belongs to at most one mapping. */
    EXCLUSIVE,
    /** An external endpoint may be reused toward a different remote endpoint (conntrack tuples). */
    PER_REMOTE_ENDPOINT
}
