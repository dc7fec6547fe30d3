package io.punchsim.nat;

import java.time.Duration;

/**
 * How long an idle mapping lives.
 *
 * <p>A mapping is live while {@code now < lastRefresh + lifetime}: it expires at exactly that
 * nanosecond. Outbound traffic always refreshes it (RFC 4787 REQ-6); inbound traffic does when
 * {@code inboundRefresh} is set. Linux conntrack gives a flow that never saw a reply a shorter
 * timeout than one that did, hence the two values; most NATs use one.
 */
public record Lifetime(long unrepliedNanos, long repliedNanos, boolean inboundRefresh) {

    public Lifetime {
        if (unrepliedNanos <= 0 || repliedNanos <= 0) {
            throw new IllegalArgumentException("lifetimes must be positive");
        }
    }

    /** One lifetime for every mapping, refreshed by outbound traffic only. */
    public static Lifetime of(Duration lifetime) {
        return new Lifetime(lifetime.toNanos(), lifetime.toNanos(), false);
    }

    public Lifetime withInboundRefresh(boolean refresh) {
        return new Lifetime(unrepliedNanos, repliedNanos, refresh);
    }
}
