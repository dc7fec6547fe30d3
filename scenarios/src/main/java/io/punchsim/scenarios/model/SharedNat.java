package io.punchsim.scenarios.model;

/**
 * The outermost hop of a peer's NAT that is one instance shared with other peers, declared once
 * under {@code network.shared-nats} and named here: two homes behind one carrier-grade NAT, or a
 * client on the host's own home network. Every peer whose chain ends in it sits behind the same NAT
 * table in a run.
 *
 * @param name the declared name
 * @param nat  what it is: a preset or a custom NAT, never a chain, a mix or another shared NAT
 */
public record SharedNat(String name, NatSpec nat) implements NatSpec {
    @Override
    public String label() {
        return name;
    }
}
