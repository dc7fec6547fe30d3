package io.punchsim.protocol.peer;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.StartupDelay;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.Message.*;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.util.ArrayList;
import java.util.List;

/**
 * The host (server peer): creates a session (H1–H11), then serves every client the cloud pairs
 * with it, each on its own: from that client's K2 it pings the client's reflexive address every
 * ping interval until connected or the listen timeout, accepts a direct {@code ConnectRequest}
 * carrying that pairing's nonce by replying to its observed source and a relayed one through the
 * cloud, and echoes game updates on the path they came by. It leaves once as many clients as it
 * was told to expect are done with (played, quiet, or not heard from in time).
 */
public final class HostPeer extends Peer {

    private final int expectedClients;
    /** The clients paired with us, in the order we first heard of their pairing. */
    private final List<Link> links = new ArrayList<>(1);

    private Outcome path = Outcome.PENDING;
    private long connectedAt = -1;
    private int pings;
    private int directAccepts;
    private int relayedAccepts;
    private int echoes;
    private int done;
    private FailureReason failure = FailureReason.NONE;

    /** A host that serves one client, then leaves. */
    public HostPeer(ProtocolConfig config, Endpoint cloud, Endpoint stun) {
        this(config, cloud, stun, 1);
    }

    /** A host that leaves once {@code expectedClients} clients are done with (at least 1). */
    public HostPeer(ProtocolConfig config, Endpoint cloud, Endpoint stun, int expectedClients) {
        this(config, config.startupDelay(), cloud, stun, expectedClients);
    }

    /**
     * The same, waiting {@code startupDelay} at H7 instead of the config's.
     *
     * @throws IllegalArgumentException when the delay is outside its parameter's range
     */
    public HostPeer(ProtocolConfig config, StartupDelay startupDelay, Endpoint cloud, Endpoint stun, int expectedClients) {
        super(config, startupDelay, cloud, stun, Role.HOST);
        if (expectedClients < 1) {
            throw new IllegalArgumentException("a host expects at least one client, not " + expectedClients);
        }
        this.expectedClients = expectedClients;
    }

    /** The path of the first accepted request: DIRECT, RELAYED, or PENDING if none yet. */
    public Outcome path() {
        return path;
    }

    /**
     * Why the host ended without a connection ({@code NONE} while it waits or once connected):
     * {@code CLOUD_UNREACHABLE}, {@code STUN_FAILED} or {@code NO_CLIENT}.
     */
    public FailureReason failureReason() {
        return path == Outcome.PENDING ? failure : FailureReason.NONE;
    }

    /** When the first request was accepted, or -1. */
    public long connectedAtNanos() {
        return connectedAt;
    }

    /** Pings sent to all clients. */
    public int pingsSent() {
        return pings;
    }

    public int directAccepts() {
        return directAccepts;
    }

    public int relayedAccepts() {
        return relayedAccepts;
    }

    public int echoes() {
        return echoes;
    }

    /** Where pings to the first client go (its reflexive address first); empty before its K2. */
    public List<Endpoint> pingTargets() {
        return links.isEmpty() ? List.of() : List.copyOf(links.get(0).targets);
    }

    /** What the host knows of each client paired with it, in the order it heard of them. */
    public List<ServedClient> served() {
        List<ServedClient> out = new ArrayList<>(links.size());
        for (Link l : links) {
            out.add(new ServedClient(l.nonce, l.k2At, l.pings, l.path,
                    l.path == Outcome.PENDING ? l.failure : FailureReason.NONE, l.connectedAt, List.copyOf(l.targets),
                    l.direct));
        }
        return out;
    }

    /**
     * One client as the host saw it.
     *
     * @param nonce the pairing's nonce
     * @param k2At when its K2 arrived, or -1 (its request overtook it)
     * @param pings K7 pings sent to it
     * @param path how its first accepted request came, or PENDING
     * @param failureReason {@code NO_CLIENT} when it was not heard from within the listen timeout
     * @param connectedAtNanos when its first request was accepted, or -1
     * @param pingTargets where its pings went
     * @param directSource where its accepted direct request came from (the accept went back there), or null
     */
    public record ServedClient(long nonce, long k2At, int pings, Outcome path, FailureReason failureReason,
                               long connectedAtNanos, List<Endpoint> pingTargets, Endpoint directSource) {}

    @Override
    void begin() {
        emit(Step.H2, "create session");
        signal.send(new CreateSession(signal.nextSeq(), Props.CLIENT_SERVER));
        awaitAnswer();
    }

    @Override
    PeerRole peerRole() {
        return PeerRole.HOST;
    }

    @Override
    void onNoSession() {
        // Only a join-random is answered with NoSession; the host never sends one.
    }

    @Override
    void onSessionClosed() {
        // The cloud closes a session only when its host went silent, and tells the client.
    }

    @Override
    void onSessionFull() {
        // Only a client's join is refused.
    }

    /** The link of the pairing with this nonce, or null. */
    private Link linkOf(long nonce) {
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).nonce == nonce) {
                return links.get(i);
            }
        }
        return null;
    }

    private Link newLink(long nonce) {
        Link link = new Link(nonce, links.size());
        links.add(link);
        return link;
    }

    /** Trace details name the client only when the host serves several. */
    private String toClient(Link link) {
        return expectedClients == 1 ? "" : " to client " + (link.index + 1);
    }

    @Override
    void onPeerAddresses(PeerAddresses addresses) {
        Link link = linkOf(addresses.nonce());
        if (link == null) {
            link = newLink(addresses.nonce());
        }
        if (link.k2At != -1) {
            return;
        }
        Link l = link;
        l.k2At = context.now();
        emit(Step.K2, () -> "client " + addresses.reflexive() + " / " + addresses.local()
                + (expectedClients == 1 ? "" : " (client " + (l.index + 1) + ")"));
        for (Endpoint candidate : candidates(addresses)) {
            if (!l.targets.contains(candidate)) {
                l.targets.add(candidate);
            }
        }
        if (onOurLan(addresses) && !l.targets.contains(addresses.local())) {
            l.targets.add(addresses.local());
        }
        if (l.targets.isEmpty()) {
            // relay-without-reflexive: one side has no reflexive address, so there is nothing to open.
            emit(Step.K7, () -> "no pings: the pair relays" + toClient(l));
        } else if (l.punching()) {
            l.listenTimer = context.setTimer(l.k2At + config.listenTimeoutNanos(), l.listenTimeout);
            ping(l);
        }
    }

    /** K7, at exactly K2 + k × P. */
    private void ping(Link link) {
        link.pingTimer = -1;
        if (!link.punching() || finished) {
            return;
        }
        byte[] bytes = MessageCodec.encode(new Ping(sessionId, link.pings));
        for (int i = 0; i < link.targets.size(); i++) {
            context.send(link.targets.get(i), bytes);
        }
        int n = link.pings;
        emit(Step.K7, () -> "ping " + n + toClient(link));
        link.pings++;
        pings++;
        link.pingTimer = context.setTimer(link.k2At + (long) link.pings * config.pingIntervalNanos(), link.pingTick);
    }

    private void onListenTimeout(Link link) {
        link.listenTimer = -1;
        if (link.path == Outcome.RELAYED) {
            // relay-first, still relayed: the background punching ends; the connection stays.
            cancel(link.pingTimer);
            link.pingTimer = -1;
        } else if (link.path == Outcome.PENDING) {
            cancel(link.pingTimer);
            link.listenExpired = true;
            link.failure = FailureReason.NO_CLIENT;
            if (path == Outcome.PENDING && failure == FailureReason.NONE) {
                failure = FailureReason.NO_CLIENT;
            }
            // The end of K7: a trace shows why later requests, direct or relayed, get no answer.
            emit(Step.K7, () -> "listen timeout after " + config.listenTimeoutNanos() / 1_000_000
                    + " ms: pings stop and requests are no longer answered" + toClient(link));
            done(link);
        }
    }

    /** One more client is done with; the host leaves once all it expects are. */
    private void done(Link link) {
        if (link.done) {
            return;
        }
        link.done = true;
        done++;
        if (done >= expectedClients) {
            leave();
        }
    }

    @Override
    void onPeerMessage(Endpoint source, PeerMessage message) {
        if (message instanceof ConnectRequest request) {
            Link link = linkOf(request.nonce());
            if (link == null && nonceKnown && links.isEmpty() && request.nonce() == pairingNonce) {
                // The first pairing's nonce came with our JoinAck: its request may overtake its K2.
                link = newLink(request.nonce());
            }
            if (link == null) {
                // Not from a client the cloud paired us with: no accept, no new target.
                wrongNonceDropped++;
                return;
            }
            link.lastHeard = context.now();
            if (link.listenExpired) {
                return;
            }
            Link l = link;
            if (source != null && config.relayFirst() && l.path == Outcome.RELAYED && l.direct == null) {
                // relay-first: the client tries direct behind the relayed connection; answer and move.
                context.send(source, MessageCodec.encode(new ConnectAccept(sessionId, request.attempt(), l.nonce)));
                directAccepts++;
                l.direct = source;
                l.path = Outcome.DIRECT;
                emit(Step.K8, () -> "accept attempt " + request.attempt() + " from " + source
                        + ": upgraded from the relay" + toClient(l));
                stopPunching(l);
            } else if (source != null) {
                if (config.peerReflexive() && l.k2At != -1 && !l.targets.contains(source)) {
                    l.targets.add(source);
                }
                // Reply to where the request came from: the client's NAT may map it differently
                // toward us than toward the STUN server.
                sendOn(arrivedOn, source, MessageCodec.encode(new ConnectAccept(sessionId, request.attempt(), l.nonce)));
                directAccepts++;
                l.direct = source;
                emit(Step.K8, () -> "accept attempt " + request.attempt() + " from " + source);
                connected(l, Outcome.DIRECT);
            } else {
                l.relayPeer = relayedFrom;
                sendRelayed(relayedFrom, new ConnectAccept(sessionId, request.attempt(), l.nonce));
                relayedAccepts++;
                emit(Step.K10, () -> "accept attempt " + request.attempt() + " through the cloud" + toClient(l));
                connected(l, Outcome.RELAYED);
            }
        } else if (message instanceof BirthdayHint hint && source == null) {
            onBirthdayHint(hint);
        } else if (message instanceof BirthdayProbe probe && source != null) {
            Link link = linkOf(probe.nonce());
            if (link == null) {
                wrongNonceDropped++;
            } else if (link.path == Outcome.PENDING && !link.listenExpired) {
                // A probe got through our NAT: tell the client where, from the socket it reached.
                sendOn(arrivedOn, source, MessageCodec.encode(new BirthdayProbe(sessionId, link.nonce)));
            }
        } else if (message instanceof GameUpdate update) {
            Link link = linkOfUpdate(source);
            if (link != null) {
                link.lastHeard = context.now();
            }
            GameEcho echo = new GameEcho(sessionId, update.tick(), update.sentAtNanos());
            if (source != null) {
                sendOn(arrivedOn, source, MessageCodec.encode(echo));
            } else {
                sendRelayed(relayedFrom, echo);
            }
            echoes++;
            if (update.tick() == config.gameTicks() - 1 && link != null) {
                done(link);
            }
        }
    }

    /** The client's hint: answer with ours once, then open sockets or probe as the two hints say. */
    private void onBirthdayHint(BirthdayHint hint) {
        Link link = linkOf(hint.nonce());
        if (link == null || link.k2At == -1 || link.hinted || link.path != Outcome.PENDING || link.listenExpired) {
            return;
        }
        link.hinted = true;
        link.relayPeer = relayedFrom;
        boolean hard = mapsPerDestination();
        sendRelayed(relayedFrom, new BirthdayHint(sessionId, hard, link.nonce));
        Endpoint client = link.targets.get(0);
        if (hard && !hint.hard()) {
            openBirthdayMappings(client, link.nonce);
        } else if (!hard && hint.hard()) {
            probeBirthday(client.ip(), link.nonce, () -> link.path == Outcome.PENDING && !link.listenExpired && !finished);
        }
    }

    /** The client a game update came from: by its source, or the relay's sender; the only one if one. */
    private Link linkOfUpdate(Endpoint source) {
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            if (source != null ? source.equals(l.direct) : l.relayPeer == relayedFrom) {
                return l;
            }
        }
        return links.size() == 1 ? links.get(0) : null;
    }

    private void connected(Link link, Outcome how) {
        if (link.path != Outcome.PENDING) {
            return;
        }
        link.path = how;
        link.connectedAt = context.now();
        if (path == Outcome.PENDING) {
            path = how;
            connectedAt = link.connectedAt;
        }
        if (link.punching()) {
            // relay-first: pings go on opening our NAT for the client's direct attempts, until the
            // upgrade or the listen timeout.
        } else {
            stopPunching(link);
        }
        // The client may still be retrying if our accept was lost, or playing: it is done with
        // only after its last game update or once it has been quiet for the listen timeout.
        context.setTimer(link.connectedAt + config.listenTimeoutNanos(), link.quietCheck);
    }

    private void onQuietCheck(Link link) {
        if (finished || link.done) {
            return;
        }
        long quietUntil = link.lastHeard + config.listenTimeoutNanos();
        if (context.now() >= quietUntil) {
            done(link);
        } else {
            context.setTimer(quietUntil, link.quietCheck);
        }
    }

    @Override
    void cloudLost(Message.Reliable message) {
        if (!finished && path == Outcome.PENDING && !anyK2()) {
            failure = FailureReason.CLOUD_UNREACHABLE;
            shutDown();
        }
    }

    private boolean anyK2() {
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).k2At != -1) {
                return true;
            }
        }
        return false;
    }

    @Override
    void stunFailed() {
        failure = FailureReason.STUN_FAILED;
        shutDown();
    }

    private void stopPunching(Link link) {
        if (link.pingTimer != -1) {
            cancel(link.pingTimer);
            link.pingTimer = -1;
        }
        if (link.listenTimer != -1) {
            cancel(link.listenTimer);
            link.listenTimer = -1;
        }
    }

    /** What the host keeps per client: its pairing, pings, timers and path. */
    private final class Link {
        final long nonce;
        final int index;
        final List<Endpoint> targets = new ArrayList<>(4);
        final Runnable pingTick = () -> ping(this);
        final Runnable listenTimeout = () -> onListenTimeout(this);
        final Runnable quietCheck = () -> onQuietCheck(this);
        long k2At = -1;
        int pings;
        long pingTimer = -1;
        long listenTimer = -1;
        Outcome path = Outcome.PENDING;
        long connectedAt = -1;
        long lastHeard = -1;
        boolean listenExpired;
        boolean done;
        /** Whether its birthday hint was answered. */
        boolean hinted;
        FailureReason failure = FailureReason.NONE;
        /** Where its accepted direct request came from, or null. */
        Endpoint direct;
        /** Its peer id from the relay's header, once it sent through the relay; -1 before. */
        int relayPeer = -1;

        Link(long nonce, int index) {
            this.nonce = nonce;
            this.index = index;
        }

        /** Whether pings still go out: not yet connected, or (relay-first) relayed and not yet direct. */
        boolean punching() {
            return path == Outcome.PENDING || config.relayFirst() && path == Outcome.RELAYED && direct == null;
        }
    }
}
