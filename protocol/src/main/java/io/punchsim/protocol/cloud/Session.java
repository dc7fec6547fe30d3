package io.punchsim.protocol.cloud;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;

/**
 * One session the cloud holds: its properties and its two members. Its host is the endpoint that
 * created it; it is paired once, with the client it was handed to.
 */
final class Session {

    static final int HOST_PEER_ID = 1;
    static final int CLIENT_PEER_ID = 2;

    /** Addresses a session remembers as having let a reservation of it lapse. */
    private static final int LAPSES_REMEMBERED = 16;

    final int id;
    /** The endpoint the CreateSession came from: the only one that may join as host. */
    final Endpoint creator;
    final Remote creatorRemote;
    Props props;
    Member host;
    Member client;
    /** The endpoint a join-random last handed this session to: the only one that may join as client. */
    Endpoint handedTo;
    /** Until when the session stays reserved for {@link #handedTo}. */
    long reservedUntil;
    /** The lapse of the current reservation has been noted in {@link #lapsedBy}. */
    boolean lapseNoted;
    /** A client has joined; the session is never handed out again, even after it left. */
    boolean paired;
    boolean addressesSent;
    /** The nonce of the session's pairing, drawn when its host joins. */
    long nonce;
    /** Where the session stands in the cloud's list of open sessions, or -1. */
    int openIndex = -1;
    boolean removed;
    private final int[] lapsedBy = new int[LAPSES_REMEMBERED];
    private int lapses;

    Session(int id, Remote creator, Props props) {
        this.id = id;
        this.creator = creator.endpoint;
        this.creatorRemote = creator;
        this.props = props;
    }

    /** A reservation is held for {@link #handedTo} at {@code now}. */
    boolean reservedAt(long now) {
        return handedTo != null && now < reservedUntil;
    }

    /**
     * Notes that the holder of the last reservation let it run out without joining, so that its
     * address is not handed this session again: one address cannot keep a session to itself.
     */
    void noteLapseIfOver(long now) {
        if (handedTo != null && now >= reservedUntil && !lapseNoted) {
            lapseNoted = true;
            lapsedBy[lapses % LAPSES_REMEMBERED] = handedTo.ip();
            lapses++;
        }
    }

    boolean lapsedBy(int address) {
        for (int i = 0; i < Math.min(lapses, LAPSES_REMEMBERED); i++) {
            if (lapsedBy[i] == address) {
                return true;
            }
        }
        return false;
    }

    Member member(int peerId) {
        if (host != null && host.peerId == peerId) {
            return host;
        }
        return client != null && client.peerId == peerId ? client : null;
    }

    Member other(Member m) {
        return m == host ? client : host;
    }

    boolean empty() {
        return host == null && client == null;
    }

    /** A registered member: its id, role, and the endpoint it registered from. */
    static final class Member {
        final int peerId;
        final PeerRole role;
        final Endpoint endpoint;
        final Remote remote;
        Endpoint local;
        Endpoint reflexive;

        Member(int peerId, PeerRole role, Remote remote) {
            this.peerId = peerId;
            this.role = role;
            this.endpoint = remote.endpoint;
            this.remote = remote;
        }
    }
}
