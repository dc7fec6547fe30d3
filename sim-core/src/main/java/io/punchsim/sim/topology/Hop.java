package io.punchsim.sim.topology;

/**
 * One direction of a link, an edge of the topology's directed graph. Its channel number
 * ({@code 2 * link + (forward ? 0 : 1)}) indexes the per-run channel state.
 */
public record Hop(int link, boolean forward, String from, String to) {

    public int channel() {
        return 2 * link + (forward ? 0 : 1);
    }
}
