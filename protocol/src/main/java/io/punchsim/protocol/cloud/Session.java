package io.punchsim.protocol.cloud;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.util.ArrayList;
import java.util.List;

/**
 * One session the cloud holds: its properties, its host and its clients. Its host is the endpoint
 * that created it; it holds at most {@code capacity − 1} clients, each one paired with the host on
 * its own (its own peer id, nonce and K1/K2), and each one an endpoint the session was handed to.
 */
final class Session {

    static final int HOST_PEER_ID = 1;
    /** The first client's peer id; later clients count up from it. */
    static final int CLIENT_PEER_ID = 2;

    /** Addresses a session remembers as having let a reservation of it lapse. */
    private static final int LAPSES_REMEMBERED = 16;

    final int id;
    /** The endpoint the CreateSession came from: the only one that may join as host. */
    final Endpoint creator;
    final Remote creatorRemote;
    /** Clients the session may hold: its capacity of players less the host. */
    final int clientPlaces;
    Props props;
    Member host;
    /** The clients in the session, in the order they joined. */
    final List<Member> clients = new ArrayList<>(1);
    /** Clients that ever joined: a place a client left is not handed out again. */
    int joined;
    /** Endpoints a join-random handed this session to, each for a short while. */
    final List<Reservation> reservations = new ArrayList<>(1);
    /** The nonce of the first client's pairing, drawn when the host joins (the host knows it from H5). */
    long nonce;
    /** Where the session stands in the cloud's list of open sessions, or -1. */
    int openIndex = -1;
    boolean removed;
    private final int[] lapsedBy = new int[LAPSES_REMEMBERED];
    private int lapses;

    Session(int id, Remote creator, Props props, int clientPlaces) {
        this.id = id;
        this.creator = creator.endpoint;
        this.creatorRemote = creator;
        this.props = props;
        this.clientPlaces = clientPlaces;
    }

    /** The reservation handed to {@code endpoint}, running out or not, or null. */
    Reservation reservationOf(Endpoint endpoint) {
        for (Reservation r : reservations) {
            if (r.holder.equals(endpoint)) {
                return r;
            }
        }
        return null;
    }

    /** A reservation is held for {@code endpoint} at {@code now}. */
    boolean reservedFor(Endpoint endpoint, long now) {
        Reservation r = reservationOf(endpoint);
        return r != null && now < r.until;
    }

    /** Reservations held at {@code now} by an address other than {@code endpoint}. */
    int reservedForOthers(Endpoint endpoint, long now) {
        int n = 0;
        for (Reservation r : reservations) {
            if (now < r.until && !r.holder.equals(endpoint)) {
                n++;
            }
        }
        return n;
    }

    /** Every place is taken by a client that joined. */
    boolean full() {
        return joined >= clientPlaces;
    }

    /**
     * Notes every holder of a reservation that let it run out without joining, so that its
     * address is not handed this session again (one address cannot keep a session to itself),
     * and forgets that reservation.
     */
    void noteLapsesIfOver(long now) {
        reservations.removeIf(r -> {
            if (now < r.until) {
                return false;
            }
            lapsedBy[lapses % LAPSES_REMEMBERED] = r.holder.ip();
            lapses++;
            return true;
        });
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
        return client(peerId);
    }

    /** The client with this peer id, or null. */
    Member client(int peerId) {
        for (Member c : clients) {
            if (c.peerId == peerId) {
                return c;
            }
        }
        return null;
    }

    /** The client registered from {@code endpoint}, or null. */
    Member memberAt(Endpoint endpoint) {
        for (Member c : clients) {
            if (c.endpoint.equals(endpoint)) {
                return c;
            }
        }
        return null;
    }

    boolean empty() {
        return host == null && clients.isEmpty();
    }

    /** A session handed to an endpoint by a join-random, until a time. */
    static final class Reservation {
        final Endpoint holder;
        final long until;

        Reservation(Endpoint holder, long until) {
            this.holder = holder;
            this.until = until;
        }
    }

    /** A registered member: its id, role, and the endpoint it registered from. */
    static final class Member {
        final int peerId;
        final PeerRole role;
        final Endpoint endpoint;
        final Remote remote;
        Endpoint local;
        Endpoint reflexive;
        /** A client's pairing nonce. */
        long nonce;
        /** A client's K1/K2 have been sent. */
        boolean addressesSent;

        Member(int peerId, PeerRole role, Remote remote) {
            this.peerId = peerId;
            this.role = role;
            this.endpoint = remote.endpoint;
            this.remote = remote;
        }
    }
}
