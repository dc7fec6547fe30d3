package io.punchsim.protocol.cloud;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.signal.SignalChannel;
import io.punchsim.protocol.wire.Decoded;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.Message.*;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.MessageKind;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The cloud: session directory, signalling and relay. It is never an open relay: it forwards a
 * {@link Relay} only from a member of a session, arriving from the endpoint that member registered
 * from, to the other member's registered endpoint.
 */
public final class CloudServer implements Machine {

    private final ProtocolConfig config;
    private final CloudLimits limits;
    private final Map<Endpoint, SignalChannel> channels = new HashMap<>();
    private final Map<Integer, Session> sessions = new LinkedHashMap<>();
    private final SignalChannel.GiveUp onGiveUp = (channel, message) -> countGiveUp();
    private Context context;

    private long droppedUnknownSession;
    private long droppedNonMember;
    private long droppedNoPeer;
    private long droppedMalformed;
    private long relayedPackets;
    private long relayedBytes;
    private long signallingGivenUp;
    private long keepalives;
    private long droppedOverLimit;
    private long droppedUnhandled;

    public CloudServer(ProtocolConfig config) {
        this(config, CloudLimits.DEFAULTS);
    }

    public CloudServer(ProtocolConfig config, CloudLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    @Override
    public void start(Context context) {
        this.context = context;
    }

    public CloudCounters counters() {
        return new CloudCounters(droppedUnknownSession, droppedNonMember, droppedNoPeer, droppedMalformed,
                droppedOverLimit, droppedUnhandled, relayedPackets, relayedBytes, signallingGivenUp, keepalives);
    }

    /** Sessions currently held. */
    public int sessionCount() {
        return sessions.size();
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
        Decoded decoded = MessageCodec.decode(payload);
        if (!(decoded instanceof Decoded.Ok ok)) {
            droppedMalformed++;
            return;
        }
        Message message = ok.message();
        if (message instanceof Relay relay) {
            relay(source, relay, payload);
        } else if (message instanceof Ack ack) {
            SignalChannel channel = channels.get(source);
            if (channel != null) {
                channel.acknowledged(ack.seq());
            }
        } else if (message instanceof Keepalive) {
            keepalives++;
        } else if (message instanceof Reliable reliable) {
            SignalChannel channel = channel(source);
            if (channel.receive(reliable.seq())) {
                signal(channel, reliable);
            }
        } else {
            droppedMalformed++;
        }
    }

    private SignalChannel channel(Endpoint source) {
        SignalChannel channel = channels.get(source);
        if (channel == null) {
            channel = new SignalChannel(context, source, config.cloud(), onGiveUp);
            channels.put(source, channel);
        }
        return channel;
    }

    private void signal(SignalChannel channel, Reliable message) {
        Endpoint source = channel.remote();
        if (message instanceof CreateSession m) {
            if (m.props().encodedLength() > limits.maxPropsBytes()) {
                droppedOverLimit++;
                return;
            }
            int id = newSessionId();
            sessions.put(id, new Session(id, source, m.props()));
            emit(Step.H3, () -> "session " + id + " for " + source);
            channel.send(new SessionCreated(channel.nextSeq(), id));
        } else if (message instanceof JoinRandom) {
            joinRandom(channel);
        } else if (message instanceof JoinRequest m) {
            join(channel, m);
        } else if (message instanceof AddressReport m) {
            addressReport(source, m);
        } else if (message instanceof Leave m) {
            leave(source, m);
        } else {
            droppedMalformed++;
        }
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

    private void joinRandom(SignalChannel channel) {
        List<Session> open = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.openForRandomJoin(channel.remote(), context.now())) {
                open.add(s);
            }
        }
        if (open.isEmpty()) {
            emit(Step.C3, () -> "no session for " + channel.remote());
            channel.send(new NoSession(channel.nextSeq()));
            return;
        }
        Session chosen = open.size() == 1 ? open.get(0) : open.get(context.random().nextInt(open.size()));
        // A client that never follows up must not block the session for good.
        chosen.handedTo = channel.remote();
        chosen.reservedUntil = context.now() + config.listenTimeoutNanos();
        emit(Step.C3, () -> "session " + chosen.id + " for " + channel.remote());
        channel.send(new SessionFound(channel.nextSeq(), chosen.id));
    }

    private void join(SignalChannel channel, JoinRequest m) {
        Session session = sessions.get(m.sessionId());
        if (session == null) {
            droppedUnknownSession++;
            return;
        }
        Endpoint source = channel.remote();
        boolean host = m.role() == PeerRole.HOST;
        // Roles are bound to endpoints: the host's to the one that created the session, the
        // client's to the one the session was last handed to. A session id alone gives no role.
        if (host ? session.host != null || !source.equals(session.creator)
                : session.client != null || session.paired || !source.equals(session.handedTo)) {
            droppedNonMember++;
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
            member = session.host = new Session.Member(Session.HOST_PEER_ID, PeerRole.HOST, source);
            // The pairing's nonce, known to the host from here on and to its client from its K1;
            // drawn from the cloud's own random source, like the session id.
            session.nonce = context.random().nextLong();
        } else {
            member = session.client = new Session.Member(Session.CLIENT_PEER_ID, PeerRole.CLIENT, source);
            session.paired = true;
        }
        emit(host ? Step.H5 : Step.C5, () -> "peer " + member.peerId + " in session " + session.id);
        channel.send(new JoinAck(channel.nextSeq(), session.id, member.peerId, session.nonce));
        emit(host ? Step.H6 : Step.C6, () -> "start peer " + member.peerId);
        channel.send(new Start(channel.nextSeq(), session.id));
    }

    /**
     * The session's properties with {@code joining} merged in, or null when that would pass the
     * limits. The join's own properties are checked first, so nothing oversized is ever merged,
     * and the merge is checked before a {@code Props} (which would refuse it) is made.
     */
    private Props mergedProps(Props session, Props joining) {
        if (joining.entries().isEmpty()) {
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
        Session.Member client = session.client;
        if (!session.addressesSent && host != null && client != null
                && host.reflexive != null && client.reflexive != null) {
            session.addressesSent = true;
            Endpoint hostReflexive = vouchedReflexive(host);
            Endpoint hostLocal = vouchedLocal(host, hostReflexive);
            Endpoint clientReflexive = vouchedReflexive(client);
            Endpoint clientLocal = vouchedLocal(client, clientReflexive);
            emit(Step.K1, () -> "to client: host " + hostReflexive + " / " + hostLocal);
            SignalChannel toClient = channel(client.endpoint);
            toClient.send(new PeerAddresses(toClient.nextSeq(), session.id, hostReflexive, hostLocal, session.nonce));
            emit(Step.K2, () -> "to host: client " + clientReflexive + " / " + clientLocal);
            SignalChannel toHost = channel(host.endpoint);
            toHost.send(new PeerAddresses(toHost.nextSeq(), session.id, clientReflexive, clientLocal, session.nonce));
        }
    }

    /**
     * The reflexive address to pass on for {@code member}: the one it reported if it lies on the
     * address the cloud sees the member at (its NAT may map it to another port toward the STUN
     * server, never to another address with paired pooling); otherwise the member's observed
     * source. So the other peer pings and targets only an address the member has shown it owns,
     * never a third party a member names.
     */
    private static Endpoint vouchedReflexive(Session.Member member) {
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
        } else {
            session.client = null;
        }
        if (session.empty()) {
            sessions.remove(session.id);
        }
    }

    private void relay(Endpoint source, Relay relay, byte[] payload) {
        Session session = sessions.get(relay.sessionId());
        Session.Member from = memberAt(session, relay.peerId(), source);
        if (from == null) {
            return;
        }
        Session.Member to = session.other(from);
        if (to == null) {
            droppedNoPeer++;
            return;
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
