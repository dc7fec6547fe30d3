package io.punchsim.sim.link;

/**
 * A link's behaviour in each direction: {@code forward} from its first endpoint to its second,
 * {@code backward} the other way.
 */
public record LinkSpec(DirectionSpec forward, DirectionSpec backward) {

    public LinkSpec {
        if (forward == null || backward == null) {
            throw new NullPointerException("both directions are required");
        }
    }

    public static LinkSpec symmetric(DirectionSpec both) {
        return new LinkSpec(both, both);
    }

    /** A perfect link with the same constant delay both ways. */
    public static LinkSpec constant(long nanos) {
        return symmetric(DirectionSpec.constant(nanos));
    }

    public DirectionSpec direction(boolean isForward) {
        return isForward ? forward : backward;
    }
}
