package io.punchsim.scenarios.model;

/**
 * One peer: its NAT, its access link, the start-up delay of its runner (H7/C7) and when it joins
 * relative to the start of the run (the host usually at zero, the client later).
 */
public record PeerSpec(NatSpec nat, LinkSpec link, LatencySpec startupDelay, LatencySpec joinDelay) {
}
