package io.punchsim.protocol.cloud;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.limit.SourceBudget;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.signal.SignalChannel;
import io.punchsim.protocol.stun.StunWire;
import io.punchsim.protocol.wire.Decoded;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.Message.*;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.MessageKind;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The cloud: session directory, signalling and relay, made to face the open internet (SPEC 2.9).
 *
 * <p>It is never an open relay: it forwards a {@link Relay} only from a member of a session,
 * arriving from the endpoint that member registered from, to the other member's registered
 * endpoint. Session ids and pairing nonces come from the cloud's own random source; the host role
 * belongs to the endpoint that created the session and the client role to the one it was handed
 * to. Every table has a cap ({@link CloudLimits}) and every entry a lifetime: an endpoint that is
 * not heard from for the member lifetime goes, with the sessions it created and its place in
 * them; a host that goes takes its session along, and its client is told. Toward endpoints that
 * have not joined a session, answers are retransmitted on the cloud's own timer only within a
 * budget per address; past it, only when the request is repeated.
 *
 * <p>{@link #onDatagram} takes any bytes from any source.
 */
public final class CloudServer implements Machine {

    /** Open sessions a JoinRandom looks at before it answers NoSession: bounded work per datagram. */
    private static final int PROBES = 64;
    private static final long MINUTE = 60_000_000_000L;

    private final ProtocolConfig config;
    private final CloudLimits limits;
    private final long lifetime;
    /** Endpoints that have joined a session, longest silent first. */
    private final LinkedHashMap<Endpoint, Remote> members = new LinkedHashMap<>(16, 0.75f, true);
    /** Every other endpoint that signalled, longest silent first: the first to make room. */
    private final LinkedHashMap<Endpoint, Remote> strangers = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Integer, Session> sessions = new HashMap<>();
    /** Sessions whose host has not joined yet, oldest first: the first to make room. */
    private final LinkedHashMap<Integer, Session> unjoined = new LinkedHashMap<>();
    /** Sessions a JoinRandom may hand out (host joined, places left), for a pick without a scan. */
    private final List<Session> open = new ArrayList<>();
    /** Sessions held per creating address. */
    private final Map<Integer, int[]> createdBy = new HashMap<>();
    /** Sessions each address has had handed to it and may still hold reserved. */
    private final Map<Integer, List<Session>> reservedBy = new HashMap<>();
    private SourceBudget unprovenRetransmits;
    private final SignalChannel.GiveUp onGiveUp = (channel, message) -> countGiveUp();
    private final SignalChannel.Gate gate = this::mayRetransmit;
    private final Runnable sweep = this::sweep;
    private Context context;
    private long sweepTimer = -1;
    /**
     * Sessions whose places all went to clients that joined, while their host is in them: a
     * JoinRandom that finds nothing to hand out is refused ({@code SessionFull}) while there is one.
     */
    private final java.util.Set<Session> fullSessions = new java.util.LinkedHashSet<>();

    private long droppedUnknownSession;
    private long droppedNonMember;
    private long droppedNoPeer;
    private long droppedMalformed;
    private long droppedOverLimit;
    private long droppedUnhandled;
    private long relayedPackets;
    private long relayedBytes;
    private long signallingGivenUp;
    private long keepalives;
    private long withheldRetransmits;
    private long expiredEndpoints;
    private long evictedEndpoints;
    private long closedSessions;

    public CloudServer(ProtocolConfig config) {
        this(config, CloudLimits.DEFAULTS);
    }

    public CloudServer(ProtocolConfig config, CloudLimits limits) {
        this.config = config;
        this.limits = limits;
        this.lifetime = config.memberLifetimeNanos();
    }

    @Override
    public void start(Context context) {
        this.context = context;
    }

    public CloudCounters counters() {
        return new CloudCounters(droppedUnknownSession, droppedNonMember, droppedNoPeer, droppedMalformed,
                droppedOverLimit, droppedUnhandled, relayedPackets, relayedBytes, signallingGivenUp, keepalives,
                withheldRetransmits, expiredEndpoints, evictedEndpoints, closedSessions);
    }

    /** Payload bytes relayed so far: {@link #counters()}{@code .relayedBytes()}, without the snapshot. */
    public long relayedBytes() {
        return relayedBytes;
    }

    /** Sessions currently held. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Sessions a JoinRandom could hand out now or once their reservation runs out. */
    public int openSessionCount() {
        return open.size();
    }

    /** Remote endpoints held (each with its signalling channel). */
    public int endpointCount() {
        return members.size() + strangers.size();
    }

    /**
     * Any datagram from any source: whatever it holds, it is handled, or dropped and counted. A
     * handler that fails is a bug, but one datagram must not stop the cloud for everyone: the
     * datagram is dropped and counted as unhandled.
     */
    @Override
    public void onDatagram(Endpoint source, byte[] payload) {
        try {
            handle(source, payload);
        } catch (RuntimeException e) {
            droppedUnhandled++;
        }
    }

    private void handle(Endpoint source, byte[] payload) {
        if (StunWire.isStun(payload)) {
            answerStun(source, payload);
            return;
        }
        Decoded decoded = MessageCodec.decode(payload);
        if (!(decoded instanceof Decoded.Ok ok)) {
            droppedMalformed++;
            return;
        }
        Message message = ok.message();
        Remote remote = heard(source);
        if (message instanceof Relay relay) {
            relay(source, relay, payload);
        } else if (message instanceof Ack ack) {
            if (remote != null) {
                remote.channel.acknowledged(ack.seq());
            }
        } else if (message instanceof Keepalive) {
            keepalives++;
        } else if (isRequest(message)) {
            Reliable reliable = (Reliable) message;
            if (remote == null) {
                remote = admit(source);
                if (remote == null) {
                    droppedOverLimit++;
                    return;
                }
            }
            if (remote.channel.receive(reliable.seq())) {
                signal(remote, reliable);
            } else if (!remote.member) {
                // The request came again: its answer did not arrive, and its retransmission may
                // have been withheld. This is the one way such an answer goes out again.
                remote.channel.resendWithheld(reliable.seq());
            }
        } else {
            droppedMalformed++;
        }
    }

    /** A reliable message a peer sends to the cloud (the others only travel the other way). */
    private static boolean isRequest(Message message) {
        return message instanceof CreateSession || message instanceof JoinRandom || message instanceof JoinRequest
                || message instanceof AddressReport || message instanceof Leave;
    }

    /** The endpoint's entry, now marked as heard from, or null for one the cloud does not hold. */
    private Remote heard(Endpoint source) {
        Remote remote = members.get(source);
        if (remote == null) {
            remote = strangers.get(source);
        }
        if (remote != null) {
            remote.lastHeard = context.now();
        }
        return remote;
    }

    /**
     * A member may ask the cloud where it sees it, as it asks a STUN server (the birthday-punch
     * variant compares the two). Only members: the answer is larger than the request, and a
     * member has shown it holds its address.
     */
    private void answerStun(Endpoint source, byte[] payload) {
        Remote remote = members.get(source);
        if (remote == null || !remote.member) {
            droppedMalformed++;
            return;
        }
        remote.lastHeard = context.now();
        StunWire.bindingSuccess(payload, source).ifPresentOrElse(answer -> context.send(source, answer),
                () -> droppedMalformed++);
    }

    /** An entry for a new endpoint, making room if the table is full; null if it cannot. */
    private Remote admit(Endpoint source) {
        if (endpointCount() >= limits.maxChannels()) {
            if (strangers.isEmpty()) {
                return null;
            }
            Iterator<Remote> eldest = strangers.values().iterator();
            Remote evicted = eldest.next();
            eldest.remove();
            evictedEndpoints++;
            drop(evicted);
        }
        Remote remote = new Remote(source, new SignalChannel(context, source, config.cloud(), onGiveUp, gate,
                firstSeqAt(context.now())), context.now());
        strangers.put(source, remote);
        armSweep();
        return remote;
    }

    /**
     * Where a new channel's numbering starts: the clock in units of 4.096 µs, so that a channel
     * opened again to an endpoint the cloud forgot (silent, or making room) numbers its messages
     * ahead of the old one's, as long as that one sent fewer than 244 a millisecond and the two
     * lie less than two hours apart. The peer, which remembers the old numbers, then takes them as new.
     */
    private static int firstSeqAt(long now) {
        return (int) (now >>> 12);
    }

    private void signal(Remote remote, Reliable message) {
        if (message instanceof CreateSession m) {
            createSession(remote, m);
        } else if (message instanceof JoinRandom m) {
            joinRandom(remote, m.seq());
        } else if (message instanceof JoinRequest m) {
            join(remote, m);
        } else if (message instanceof AddressReport m) {
            addressReport(remote.endpoint, m);
        } else if (message instanceof Leave m) {
            leave(remote.endpoint, m);
        }
    }

    private void createSession(Remote remote, CreateSession m) {
        Endpoint source = remote.endpoint;
        int[] created = createdBy.get(source.ip());
        if (m.props().encodedLength() > limits.maxPropsBytes()
                || (created != null && created[0] >= limits.sessionsPerSource())) {
            droppedOverLimit++;
            return;
        }
        if (sessions.size() >= limits.maxSessions()) {
            if (unjoined.isEmpty()) {
                droppedOverLimit++;
                return;
            }
            removeSession(unjoined.values().iterator().next());
        }
        int id = newSessionId();
        Session session = new Session(id, remote, m.props(), config.sessionCapacity() - 1);
        sessions.put(id, session);
        unjoined.put(id, session);
        if (created == null) {
            createdBy.put(source.ip(), new int[] {1});
        } else {
            created[0]++;
        }
        remote.sessions.add(session);
        emit(Step.H3, () -> "session " + id + " for " + source);
        remote.channel.sendAnswer(new SessionCreated(remote.channel.nextSeq(), id), m.seq());
    }

    /**
     * A session id nobody can guess, from the cloud's own random source (seeded in the simulator,
     * the OS in real mode): a peer's draws never depend on it. Never -1 (a peer's "none") or 0.
     */
    private int newSessionId() {
        while (true) {
            int id = context.random().nextInt();
            if (id != 0 && id != -1 && !sessions.containsKey(id)) {
                return id;
            }
        }
    }

    /**
     * C3: hands an open session to the client for a short reservation. A repeated JoinRandom
     * gets the same session without extending its reservation; an address holds only so many at
     * once, and is not handed again a session it let lapse, so no address can keep sessions from
     * others. The pick looks at a bounded number of open sessions, never all. When it finds none
     * while some session's places all went to clients that joined, the answer is
     * {@code SessionFull} (the client gives up), not {@code NoSession} (it tries again): places
     * that are only reserved may still come free.
     */
    private void joinRandom(Remote remote, int requestSeq) {
        long now = context.now();
        Endpoint source = remote.endpoint;
        Session chosen = remote.reserved;
        boolean full = false;
        if (chosen == null || chosen.removed || chosen.full() || !chosen.reservedFor(source, now)) {
            if (activeReservations(source.ip(), now) >= limits.reservationsPerSource()) {
                chosen = null;
            } else {
                chosen = pickOpen(source, now);
                full = chosen == null && !fullSessions.isEmpty();
            }
            if (chosen != null) {
                Session.Reservation old = chosen.reservationOf(source);
                if (old != null) {
                    chosen.reservations.remove(old);
                }
                chosen.reservations.add(new Session.Reservation(source, now + limits.reservationLifetimeNanos()));
                remote.reserved = chosen;
                reservedBy.computeIfAbsent(source.ip(), a -> new ArrayList<>(1)).add(chosen);
            }
        }
        if (chosen == null) {
            if (full) {
                emit(Step.C3, () -> "every session is full for " + source);
                remote.channel.sendAnswer(new SessionFull(remote.channel.nextSeq()), requestSeq);
                return;
            }
            emit(Step.C3, () -> "no session for " + source);
            remote.channel.sendAnswer(new NoSession(remote.channel.nextSeq()), requestSeq);
            return;
        }
        Session found = chosen;
        emit(Step.C3, () -> "session " + found.id + " for " + source);
        remote.channel.sendAnswer(new SessionFound(remote.channel.nextSeq(), found.id), requestSeq);
    }

    private Session pickOpen(Endpoint source, long now) {
        int n = open.size();
        if (n == 0) {
            return null;
        }
        int start = n == 1 ? 0 : context.random().nextInt(n);
        for (int i = 0; i < Math.min(n, PROBES); i++) {
            Session s = open.get((start + i) % n);
            s.noteLapsesIfOver(now);
            if (s.lapsedBy(source.ip())) {
                continue;
            }
            if (s.joined + s.reservedForOthers(source, now) < s.clientPlaces) {
                return s;
            }
        }
        return null;
    }

    /** Reservations {@code address} holds at {@code now}; forgets those it no longer holds. */
    private int activeReservations(int address, long now) {
        List<Session> held = reservedBy.get(address);
        if (held == null) {
            return 0;
        }
        held.removeIf(s -> !holds(s, address, now));
        if (held.isEmpty()) {
            reservedBy.remove(address);
            return 0;
        }
        return held.size();
    }

    private static boolean holds(Session s, int address, long now) {
        if (s.removed) {
            return false;
        }
        for (Session.Reservation r : s.reservations) {
            if (r.holder.ip() == address && now < r.until) {
                return true;
            }
        }
        return false;
    }

    private void join(Remote remote, JoinRequest m) {
        Session session = sessions.get(m.sessionId());
        if (session == null) {
            droppedUnknownSession++;
            return;
        }
        Endpoint source = remote.endpoint;
        boolean host = m.role() == PeerRole.HOST;
        // Roles are bound to endpoints: the host's to the one that created the session, a
        // client's to one the session was handed to. A session id alone gives no role. The host's
        // is bound to the cloud's very entry for its creator, not only to the address: once that
        // entry is forgotten (silent, or making room), so is the right to host, since the entry
        // is what takes the session along when it goes.
        Session.Reservation reservation = host ? null : session.reservationOf(source);
        if (host ? session.host != null || remote != session.creatorRemote
                : session.host == null || reservation == null || session.memberAt(source) != null) {
            droppedNonMember++;
            return;
        }
        if (!host && session.full()) {
            // Fusion's NetCommandRefused: the places went to the clients that joined first.
            session.reservations.remove(reservation);
            remote.reserved = null;
            emit(Step.C5, () -> "session " + session.id + " is full, refused " + source);
            remote.channel.sendAnswer(new SessionFull(remote.channel.nextSeq()), m.seq());
            return;
        }
        Props merged = mergedProps(session.props, m.props());
        if (merged == null) {
            droppedOverLimit++;
            return;
        }
        session.props = merged;
        Session.Member member;
        if (host) {
            member = session.host = new Session.Member(Session.HOST_PEER_ID, PeerRole.HOST, remote);
            // The pairing's nonce, known to the host from here on and to its client from its K1;
            // drawn from the cloud's own random source, like the session id.
            session.nonce = context.random().nextLong();
            unjoined.remove(session.id);
            openAdd(session);
        } else {
            member = new Session.Member(Session.CLIENT_PEER_ID + session.joined, PeerRole.CLIENT, remote);
            // The first client's pairing has the nonce the host got in H5; every later one its own,
            // drawn from the cloud's own random source as it joins.
            member.nonce = session.joined == 0 ? session.nonce : context.random().nextLong();
            session.clients.add(member);
            session.joined++;
            session.reservations.remove(reservation);
            if (session.full()) {
                openRemove(session);
                fullSessions.add(session);
            }
            remote.reserved = null;
            remote.sessions.add(session);
        }
        promote(remote);
        emit(host ? Step.H5 : Step.C5, () -> "peer " + member.peerId + " in session " + session.id);
        long nonce = host ? session.nonce : member.nonce;
        remote.channel.sendAnswer(new JoinAck(remote.channel.nextSeq(), session.id, member.peerId, nonce), m.seq());
        emit(host ? Step.H6 : Step.C6, () -> "start peer " + member.peerId);
        remote.channel.sendAnswer(new Start(remote.channel.nextSeq(), session.id), m.seq());
    }

    /** The endpoint joined a session with an id that was sent to it: it receives what is sent to it. */
    private void promote(Remote remote) {
        if (!remote.member) {
            strangers.remove(remote.endpoint);
            remote.member = true;
            members.put(remote.endpoint, remote);
        }
    }

    /**
     * An endpoint in no session any more (it left, or its sessions went) is no member: it makes
     * room when the table is full, as a stranger does. Otherwise endpoints that joined and left,
     * one port after another, would hold every place and keep newcomers out.
     */
    private void demoteIfInNoSession(Remote remote) {
        if (remote.member && !remote.gone && remote.sessions.isEmpty()) {
            members.remove(remote.endpoint);
            remote.member = false;
            strangers.put(remote.endpoint, remote);
        }
    }

    /**
     * The session's properties with {@code joining} merged in, or null when that would pass the
     * limits. The join's own properties are checked first, so nothing oversized is ever merged,
     * and the merge is checked before a {@code Props} (which would refuse it) is made.
     */
    private Props mergedProps(Props session, Props joining) {
        if (joining.entries().isEmpty() || session.entries().entrySet().containsAll(joining.entries().entrySet())) {
            // Nothing new: every joiner of a client-server session repeats what the session holds.
            return session;
        }
        if (joining.encodedLength() > limits.maxPropsBytes()) {
            return null;
        }
        TreeMap<String, String> merged = new TreeMap<>(session.entries());
        merged.putAll(joining.entries());
        if (merged.size() > Props.MAX_ENTRIES || Props.encodedLength(merged) > limits.maxPropsBytes()) {
            return null;
        }
        return new Props(merged);
    }

    /**
     * The member {@code peerId} of {@code session} if it speaks from the endpoint it registered
     * from; otherwise null, with the drop counted (unknown session, or not that member).
     */
    private Session.Member memberAt(Session session, int peerId, Endpoint source) {
        if (session == null) {
            droppedUnknownSession++;
            return null;
        }
        Session.Member member = session.member(peerId);
        if (member == null || !member.endpoint.equals(source)) {
            droppedNonMember++;
            return null;
        }
        return member;
    }

    private void addressReport(Endpoint source, AddressReport m) {
        Session session = sessions.get(m.sessionId());
        Session.Member member = memberAt(session, m.peerId(), source);
        if (member == null) {
            return;
        }
        member.local = m.local();
        member.reflexive = m.reflexive();
        Session.Member host = session.host;
        if (host == null || host.reflexive == null) {
            return;
        }
        if (member == host) {
            for (Session.Member client : List.copyOf(session.clients)) {
                pair(session, host, client);
            }
        } else {
            pair(session, host, member);
        }
    }

    /** K1/K2, once per client: each side gets the other's vouched addresses and the pairing's nonce. */
    private void pair(Session session, Session.Member host, Session.Member client) {
        if (client.addressesSent || client.reflexive == null) {
            return;
        }
        client.addressesSent = true;
        Endpoint hostReflexive = vouchedReflexive(host);
        Endpoint hostLocal = vouchedLocal(host, hostReflexive);
        Endpoint clientReflexive = vouchedReflexive(client);
        Endpoint clientLocal = vouchedLocal(client, clientReflexive);
        emit(Step.K1, () -> "to client " + client.peerId + ": host " + hostReflexive + " / " + hostLocal);
        SignalChannel toClient = client.remote.channel;
        toClient.send(new PeerAddresses(toClient.nextSeq(), session.id, hostReflexive, hostLocal, client.nonce));
        emit(Step.K2, () -> "to host: client " + client.peerId + " " + clientReflexive + " / " + clientLocal);
        SignalChannel toHost = host.remote.channel;
        toHost.send(new PeerAddresses(toHost.nextSeq(), session.id, clientReflexive, clientLocal, client.nonce));
    }

    /**
     * The reflexive address to pass on for {@code member}: the one it reported if it lies on the
     * address the cloud sees the member at (its NAT may map it to another port toward the STUN
     * server, never to another address with paired pooling); otherwise the member's observed
     * source. So the other peer pings and targets only an address the member has shown it owns,
     * never a third party a member names. A member that reported none ({@link Endpoint#NONE}) is
     * passed on as having none.
     */
    private static Endpoint vouchedReflexive(Session.Member member) {
        if (member.reflexive.isNone()) {
            // It has none (its STUN failed, relay-without-reflexive): the other side relays at once.
            return Endpoint.NONE;
        }
        return member.reflexive.ip() == member.endpoint.ip() ? member.reflexive : member.endpoint;
    }

    /** The local address to pass on: one inside a site, or on the vouched address; else the vouched reflexive. */
    private static Endpoint vouchedLocal(Session.Member member, Endpoint reflexive) {
        Endpoint local = member.local;
        return local.isLocalScope() || local.ip() == reflexive.ip() ? local : reflexive;
    }

    private void leave(Endpoint source, Leave m) {
        Session session = sessions.get(m.sessionId());
        Session.Member member = memberAt(session, m.peerId(), source);
        if (member == null) {
            return;
        }
        if (member == session.host) {
            session.host = null;
            openRemove(session);
            fullSessions.remove(session);
        } else {
            session.clients.remove(member);
            member.remote.sessions.remove(session);
        }
        if (session.empty()) {
            removeSession(session);
        }
        demoteIfInNoSession(member.remote);
    }

    private void relay(Endpoint source, Relay relay, byte[] payload) {
        Session session = sessions.get(relay.sessionId());
        if (session == null) {
            droppedUnknownSession++;
            return;
        }
        Session.Member to;
        if (session.host != null && session.host.endpoint.equals(source)) {
            // From the host, the peer id names the client the message is for.
            to = session.client(relay.peerId());
            if (to == null) {
                droppedNoPeer++;
                return;
            }
        } else {
            // From a client, the peer id is its own, and the message is for the host.
            Session.Member from = memberAt(session, relay.peerId(), source);
            if (from == null) {
                return;
            }
            to = session.host;
            if (to == null || from == to) {
                droppedNoPeer++;
                return;
            }
        }
        // Same bytes as received: the header and the sender's peer id already say who it is from.
        relayedPackets++;
        relayedBytes += payload.length;
        MessageKind inner = MessageKind.classifyRelayed(payload);
        if (inner == MessageKind.CONNECT_REQUEST) {
            emit(Step.K5, () -> "relay connect request to " + to.endpoint);
        } else if (inner == MessageKind.CONNECT_ACCEPT) {
            emit(Step.K11, () -> "relay connect accept to " + to.endpoint);
        } else if (inner == MessageKind.GAME_UPDATE) {
            emit(Step.K13, () -> "relay game update to " + to.endpoint);
        }
        context.send(to.endpoint, payload);
    }

    /**
     * Before each retransmission on the cloud's own timer: always toward a member; toward any
     * other endpoint only within its address's budget, since its source may be forged and the
     * retransmissions would then land on someone else.
     */
    private boolean mayRetransmit(SignalChannel channel) {
        Endpoint remote = channel.remote();
        if (members.containsKey(remote)) {
            return true;
        }
        if (unprovenRetransmits == null) {
            unprovenRetransmits = new SourceBudget(limits.unprovenRetransmitsPerMinute(), MINUTE, limits.maxChannels());
        }
        if (unprovenRetransmits.take(remote.ip(), context.now())) {
            return true;
        }
        withheldRetransmits++;
        return false;
    }

    private void openAdd(Session session) {
        if (session.openIndex < 0) {
            session.openIndex = open.size();
            open.add(session);
        }
    }

    private void openRemove(Session session) {
        int at = session.openIndex;
        if (at < 0) {
            return;
        }
        Session last = open.remove(open.size() - 1);
        if (last != session) {
            open.set(at, last);
            last.openIndex = at;
        }
        session.openIndex = -1;
    }

    private void removeSession(Session session) {
        if (session.removed) {
            return;
        }
        session.removed = true;
        sessions.remove(session.id);
        unjoined.remove(session.id);
        openRemove(session);
        fullSessions.remove(session);
        int[] created = createdBy.get(session.creator.ip());
        if (created != null && --created[0] <= 0) {
            createdBy.remove(session.creator.ip());
        }
        session.creatorRemote.sessions.remove(session);
        demoteIfInNoSession(session.creatorRemote);
        for (Session.Member client : session.clients) {
            client.remote.sessions.remove(session);
            demoteIfInNoSession(client.remote);
        }
    }

    /** Runs every quarter lifetime while the cloud holds any endpoint. */
    private void armSweep() {
        if (sweepTimer == -1 && endpointCount() > 0) {
            sweepTimer = context.setTimer(context.now() + Math.max(1, lifetime / 4), sweep);
        }
    }

    private void sweep() {
        sweepTimer = -1;
        try {
            long now = context.now();
            List<Remote> silent = new ArrayList<>();
            collectSilent(members, now, silent);
            collectSilent(strangers, now, silent);
            for (Remote remote : silent) {
                remote.gone = true;
            }
            for (Remote remote : silent) {
                expiredEndpoints++;
                drop(remote);
            }
            reservedBy.entrySet().removeIf(e -> {
                e.getValue().removeIf(s -> !holds(s, e.getKey(), now));
                return e.getValue().isEmpty();
            });
            if (unprovenRetransmits != null) {
                unprovenRetransmits.forgetRefilled(now);
            }
        } catch (RuntimeException e) {
            droppedUnhandled++;
        }
        armSweep();
    }

    /** Takes out of {@code table} every endpoint not heard from for the lifetime (they come first). */
    private void collectSilent(LinkedHashMap<Endpoint, Remote> table, long now, List<Remote> silent) {
        Iterator<Remote> it = table.values().iterator();
        while (it.hasNext()) {
            Remote remote = it.next();
            if (now - remote.lastHeard < lifetime) {
                return;
            }
            it.remove();
            silent.add(remote);
        }
    }

    /**
     * Forgets an endpoint taken out of its table: its signalling stops, the sessions it created
     * and never joined go, a session whose host it was goes (and its client is told), and its
     * place as a client is freed.
     */
    private void drop(Remote remote) {
        remote.gone = true;
        remote.channel.close();
        for (Session session : List.copyOf(remote.sessions)) {
            if (session.removed) {
                continue;
            }
            Session.Member asClient = session.memberAt(remote.endpoint);
            if (session.host != null && session.host.remote == remote) {
                List<Session.Member> clients = List.copyOf(session.clients);
                removeSession(session);
                closedSessions++;
                for (Session.Member client : clients) {
                    if (!client.remote.gone) {
                        SignalChannel toClient = client.remote.channel;
                        toClient.send(new SessionClosed(toClient.nextSeq(), session.id));
                    }
                }
            } else if (asClient != null && asClient.remote == remote) {
                session.clients.remove(asClient);
                if (session.host == null && session.clients.isEmpty()) {
                    removeSession(session);
                }
            } else if (session.empty()) {
                removeSession(session);
            }
        }
    }

    private void countGiveUp() {
        signallingGivenUp++;
    }

    private void emit(Step step, String detail) {
        context.emit(new StepEvent(context.now(), Role.CLOUD, step, detail));
    }

    /** Emits a step whose detail is formatted only when the context records details. */
    private void emit(Step step, Supplier<String> detail) {
        emit(step, context.recording() ? detail.get() : "");
    }
}
