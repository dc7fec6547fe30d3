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
    private final Object[] from = new Object[SLOTS];
    private final Object[] to = new Object[SLOTS];
    private int next;

    RecentConversions(Function<F, T> convert) {
        this.convert = convert;
    }

    @SuppressWarnings("unchecked")
    T of(F value) {
        for (int i = 0; i < SLOTS; i++) {
            if (value.equals(from[i])) {
                return (T) to[i];
            }
        }
        T converted = convert.apply(value);
        from[next] = value;
        to[next] = converted;
        next = (next + 1) % SLOTS;
        return converted;
    }
}
