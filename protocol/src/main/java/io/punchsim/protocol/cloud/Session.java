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

    final int id;
    /** The endpoint the CreateSession came from: the only one that may join as host. */
    final Endpoint creator;
    Props props;
    Member host;
    Member client;
    /** The endpoint a join-random last handed this session to: the only one that may join as client. */
    Endpoint handedTo;
    /** Until when the session stays reserved for {@link #handedTo}. */
    long reservedUntil;
    /** A client has joined; the session is never handed out again, even after it left. */
    boolean paired;
    boolean addressesSent;
    /** The nonce of the session's pairing, drawn when its host joins. */
    long nonce;

    Session(int id, Endpoint creator, Props props) {
        this.id = id;
        this.creator = creator;
        this.props = props;
    }

    boolean openForRandomJoin(Endpoint source, long now) {
        return host != null && !paired
                && (handedTo == null || handedTo.equals(source) || now >= reservedUntil);
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
        Endpoint local;
        Endpoint reflexive;

        Member(int peerId, PeerRole role, Endpoint endpoint) {
            this.peerId = peerId;
            this.role = role;
            this.endpoint = endpoint;
        }
    }
}
