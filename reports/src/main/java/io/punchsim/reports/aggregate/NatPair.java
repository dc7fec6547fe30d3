package io.punchsim.reports.aggregate;

import java.util.Comparator;

/** One cell of the NAT-pair matrix: the host's NAT and the client's NAT. */
public record NatPair(String hostNat, String clientNat) implements Comparable<NatPair> {

    private static final Comparator<NatPair> ORDER =
            Comparator.comparing(NatPair::hostNat).thenComparing(NatPair::clientNat);

    @Override
    public int compareTo(NatPair other) {
        return ORDER.compare(this, other);
    }
}
