package io.punchsim.scenarios.run;

import java.util.function.Function;

/**
 * The last few conversions of one kind of address into another (the network's endpoints to the
 * protocol's and back), so the addresses a machine keeps talking to are converted once rather than
 * per datagram. A machine deals with a handful at a time (its cloud, its STUN server, its peer's one
 * or two), which a few slots, replaced in turn, hold.
 */
final class RecentConversions<F, T> {
    private static final int SLOTS = 4;

    private final Function<F, T> convert;
    /** Value, converted value, value, converted value … in one array, so a machine's set-up makes one. */
    private final Object[] pairs = new Object[2 * SLOTS];
    private int next;

    RecentConversions(Function<F, T> convert) {
        this.convert = convert;
    }

    @SuppressWarnings("unchecked")
    T of(F value) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (value.equals(pairs[i])) {
                return (T) pairs[i + 1];
            }
        }
        T converted = convert.apply(value);
        pairs[next] = value;
        pairs[next + 1] = converted;
        next = (next + 2) % pairs.length;
        return converted;
    }
}
