package io.punchsim.sim.random;

/**
 * A stream name with its key already folded (see {@link RandomStreams}). A component that asks for
 * the same stream in every run keeps one of these as a constant, so a run spends nothing on the
 * name; {@code streams.stream(StreamName.of(n))} and {@code streams.stream(n)} are the same stream.
 */
public record StreamName(String name, long key) {

    public static StreamName of(String name) {
        return new StreamName(name, RandomStreams.nameKey(name));
    }

    public StreamName {
        if (key != RandomStreams.nameKey(name)) {
            throw new IllegalArgumentException("key does not belong to the name '" + name + "'");
        }
    }
}
