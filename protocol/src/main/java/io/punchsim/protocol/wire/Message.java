package io.punchsim.protocol.wire;

import io.punchsim.protocol.net.Endpoint;
import java.util.Arrays;

/**
 * Every cloud and peer message of the connection process. Signalling messages between a peer and
 * the cloud are {@link Reliable}: they carry a sequence number, are acknowledged with {@link Ack}
 * and retransmitted until they are.
 */
public sealed interface Message {

    /** The wire type code. */
    MessageType type();

    /** A signalling message that is acknowledged and retransmitted. */
    sealed interface Reliable extends Message {
        int seq();
    }

    /** A message exchanged directly between the two peers (or wrapped in a {@link Relay}). */
    sealed interface PeerMessage extends Message {
        int sessionId();
    }

    /** H2: the host asks the cloud for a new session with custom properties. */
    record CreateSession(int seq, Props props) implements Reliable {
        public MessageType type() { return MessageType.CREATE_SESSION; }
    }

    /** H3: the cloud names the new session. */
    record SessionCreated(int seq, int sessionId) implements Reliable {
        public MessageType type() { return MessageType.SESSION_CREATED; }
    }

    /** C2: the client asks for any open session. */
    record JoinRandom(int seq) implements Reliable {
        public MessageType type() { return MessageType.JOIN_RANDOM; }
    }

    /** C3: the cloud picked (and reserved) an open session for the client. */
    record SessionFound(int seq, int sessionId) implements Reliable {
        public MessageType type() { return MessageType.SESSION_FOUND; }
    }

    /** C3 alternative: no session is open. */
    record NoSession(int seq) implements Reliable {
        public MessageType type() { return MessageType.NO_SESSION; }
    }

    /** H4/C4: register in a session with a role and properties (the client-server mode). */
    record JoinRequest(int seq, int sessionId, PeerRole role, Props props) implements Reliable {
        public MessageType type() { return MessageType.JOIN_REQUEST; }
    }

    /**
     * H5/C5: the cloud registered the peer and gives it its peer id and the nonce of the session's
     * pairing, so a host can check a connection request that overtakes its {@link PeerAddresses}.
     */
    record JoinAck(int seq, int sessionId, int peerId, long nonce) implements Reliable {
        public MessageType type() { return MessageType.JOIN_ACK; }
    }

    /** H6/C6: the cloud tells the peer to start its runner. */
    record Start(int seq, int sessionId) implements Reliable {
        public MessageType type() { return MessageType.START; }
    }

    /** H11/C11: the peer's local and reflexive addresses. */
    record AddressReport(int seq, int sessionId, int peerId, Endpoint local, Endpoint reflexive)
            implements Reliable {
        public MessageType type() { return MessageType.ADDRESS_REPORT; }
    }

    /**
     * K1/K2: the other member's reflexive and local addresses, as the cloud vouches for them, and the
     * pairing's nonce, which the two peers' connection requests and accepts must carry.
     */
    record PeerAddresses(int seq, int sessionId, Endpoint reflexive, Endpoint local, long nonce) implements Reliable {
        public MessageType type() { return MessageType.PEER_ADDRESSES; }
    }

    /** A peer leaves its session; the cloud removes the session when no member is left. */
    record Leave(int seq, int sessionId, int peerId) implements Reliable {
        public MessageType type() { return MessageType.LEAVE; }
    }

    /**
     * The cloud closed the session because its host went silent: the client stops waiting for a
     * host that is gone.
     */
    record SessionClosed(int seq, int sessionId) implements Reliable {
        public MessageType type() { return MessageType.SESSION_CLOSED; }
    }

    /**
     * C3/C5 refused: every session the cloud would hand this client holds its capacity of
     * players already (Fusion's {@code NetCommandRefused}); the client fails with
     * {@code SESSION_FULL}.
     */
    record SessionFull(int seq) implements Reliable {
        public MessageType type() { return MessageType.SESSION_FULL; }
    }

    /** Acknowledges the reliable message with this sequence number. */
    record Ack(int seq) implements Message {
        public MessageType type() { return MessageType.ACK; }
    }

    /** Keeps the peer's NAT mapping toward the cloud open. */
    record Keepalive(int sessionId, int peerId) implements Message {
        public MessageType type() { return MessageType.KEEPALIVE; }
    }

    /**
     * A peer message carried through the cloud. From a peer, {@code peerId} is the sender's own id;
     * from the cloud, it is the id of the member that sent it.
     */
    record Relay(int sessionId, int peerId, byte[] payload) implements Message {
        public Relay {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        public MessageType type() { return MessageType.RELAY; }

        @Override
        public boolean equals(Object other) {
            return other instanceof Relay r && r.sessionId == sessionId && r.peerId == peerId
                    && Arrays.equals(r.payload, payload);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * sessionId + peerId) + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Relay[sessionId=" + sessionId + ", peerId=" + peerId + ", " + payload.length + " bytes]";
        }
    }

    /** K7: the host opens its own NAT toward the client. */
    record Ping(int sessionId, int count) implements PeerMessage {
        public MessageType type() { return MessageType.PING; }
    }

    /** K3/K4: the client's connection attempt number {@code attempt}, with the pairing's nonce. */
    record ConnectRequest(int sessionId, int attempt, long nonce) implements PeerMessage {
        public MessageType type() { return MessageType.CONNECT_REQUEST; }
    }

    /** K8/K10: the host accepts attempt {@code attempt}, with the pairing's nonce. */
    record ConnectAccept(int sessionId, int attempt, long nonce) implements PeerMessage {
        public MessageType type() { return MessageType.CONNECT_ACCEPT; }
    }

    /** K9/K12: a game update; {@code sentAtNanos} is the client's own clock, echoed back for RTT. */
    record GameUpdate(int sessionId, int tick, long sentAtNanos) implements PeerMessage {
        public MessageType type() { return MessageType.GAME_UPDATE; }
    }

    /** The host's echo of a game update. */
    record GameEcho(int sessionId, int tick, long sentAtNanos) implements PeerMessage {
        public MessageType type() { return MessageType.GAME_ECHO; }
    }

    /**
     * Birthday punching (variant): a peer tells the other, through the relay, whether its own NAT
     * maps per destination ({@code hard}), with the pairing's nonce.
     */
    record BirthdayHint(int sessionId, boolean hard, long nonce) implements PeerMessage {
        public MessageType type() { return MessageType.BIRTHDAY_HINT; }
    }

    /**
     * Birthday punching (variant): a probe toward a port of the other peer (from the easy side), or
     * a packet that opens a mapping toward it (from the hard side's sockets), with the pairing's nonce.
     */
    record BirthdayProbe(int sessionId, long nonce) implements PeerMessage {
        public MessageType type() { return MessageType.BIRTHDAY_PROBE; }
    }
}
