package io.punchsim.protocol.cloud;

/**
 * What the cloud dropped and relayed over a run.
 *
 * @param droppedUnknownSession relay or signalling naming a session the cloud does not hold
 * @param droppedNonMember relay from an endpoint or peer id that is not a member of the session
 * @param droppedNoPeer relay with no other member to deliver to
 * @param droppedMalformed datagrams that did not decode, or were not for the cloud
 * @param droppedOverLimit requests past a cap or limit of {@link CloudLimits} (a full table, too
 *     many from one source, properties too large)
 * @param droppedUnhandled datagrams whose handling failed; always zero unless there is a bug
 * @param relayedPackets packets forwarded between members
 * @param relayedBytes bytes of those packets as forwarded
 * @param signallingGivenUp reliable messages never acknowledged
 * @param keepalives keepalives received
 * @param withheldRetransmits retransmissions toward endpoints that had not joined a session,
 *     withheld because their address had spent its budget
 * @param expiredEndpoints endpoints forgotten after the member lifetime without a word from them
 * @param evictedEndpoints endpoints that were no session members, forgotten to make room
 * @param closedSessions sessions closed because their host went silent (their client was told)
 */
public record CloudCounters(
        long droppedUnknownSession,
        long droppedNonMember,
        long droppedNoPeer,
        long droppedMalformed,
        long droppedOverLimit,
        long droppedUnhandled,
        long relayedPackets,
        long relayedBytes,
        long signallingGivenUp,
        long keepalives,
        long withheldRetransmits,
        long expiredEndpoints,
        long evictedEndpoints,
        long closedSessions) {}
