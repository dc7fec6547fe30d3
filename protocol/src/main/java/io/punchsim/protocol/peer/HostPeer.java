package io.punchsim.protocol.peer;

import io.punchsim.protocol.config.ProtocolConfig;
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
 * The host (server peer): creates a session (H1–H11), then from K2 pings the client's reflexive
 * address every ping interval until connected or the listen timeout, accepts a direct
 * {@code ConnectRequest} by replying to its observed source and a relayed one through the cloud,
 * and echoes game updates on the path they came by.
 */
public final class HostPeer extends Peer {

    private final Runnable pingTick = this::ping;
    private final Runnable listenTimeout = this::onListenTimeout;
    private final Runnable quietCheck = this::onQuietCheck;
    private final List<Endpoint> pingTargets = new ArrayList<>(4);

    private long k2At = -1;
    private int pings;
    private long pingTimer = -1;
    private long listenTimer = -1;
    private Outcome path = Outcome.PENDING;
    private long connectedAt = -1;
    private int directAccepts;
    private int relayedAccepts;
    private int echoes;
    private long lastHeard = -1;
    private boolean listenExpired;
    private FailureReason failure = FailureReason.NONE;

    public HostPeer(ProtocolConfig config, Endpoint cloud, Endpoint stun) {
        super(config, cloud, stun, Role.HOST);
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

    /** Where pings go (the client's reflexive address first). */
    public List<Endpoint> pingTargets() {
        return List.copyOf(pingTargets);
    }

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
    void onPeerAddresses(PeerAddresses addresses) {
        if (k2At != -1) {
            return;
        }
        k2At = context.now();
        emit(Step.K2, () -> "client " + addresses.reflexive() + " / " + addresses.local());
        for (Endpoint candidate : candidates(addresses)) {
            addTarget(candidate);
        }
        if (path == Outcome.PENDING) {
            listenTimer = context.setTimer(k2At + config.listenTimeoutNanos(), listenTimeout);
            ping();
        }
    }

    private void addTarget(Endpoint e) {
        if (!pingTargets.contains(e)) {
            pingTargets.add(e);
        }
    }

    /** K7, at exactly K2 + k × P. */
    private void ping() {
        pingTimer = -1;
        if (path != Outcome.PENDING || finished) {
            return;
        }
        byte[] bytes = MessageCodec.encode(new Ping(sessionId, pings));
        for (int i = 0; i < pingTargets.size(); i++) {
            context.send(pingTargets.get(i), bytes);
        }
        emit(Step.K7, () -> "ping " + pings);
        pings++;
        pingTimer = context.setTimer(k2At + (long) pings * config.pingIntervalNanos(), pingTick);
    }

    private void onListenTimeout() {
        listenTimer = -1;
        if (path == Outcome.PENDING) {
            cancel(pingTimer);
            listenExpired = true;
            failure = FailureReason.NO_CLIENT;
            // The end of K7: a trace shows why later requests, direct or relayed, get no answer.
            emit(Step.K7, () -> "listen timeout after " + config.listenTimeoutNanos() / 1_000_000
                    + " ms: pings stop and requests are no longer answered");
            leave();
        }
    }

    @Override
    void onPeerMessage(Endpoint source, PeerMessage message) {
        if (message instanceof ConnectRequest request && !pairedBy(request.nonce())) {
            // Not from the client the cloud paired us with: no accept, no new target.
            return;
        }
        if (message instanceof ConnectRequest || message instanceof GameUpdate) {
            lastHeard = context.now();
        }
        if (message instanceof ConnectRequest request) {
            if (listenExpired) {
                return;
            }
            if (source != null) {
                if (config.peerReflexive() && k2At != -1 && !pingTargets.contains(source)) {
                    pingTargets.add(source);
                }
                // Reply to where the request came from: the client's NAT may map it differently
                // toward us than toward the STUN server.
                context.send(source, MessageCodec.encode(new ConnectAccept(sessionId, request.attempt(), pairingNonce)));
                directAccepts++;
                emit(Step.K8, () -> "accept attempt " + request.attempt() + " from " + source);
                connected(Outcome.DIRECT);
            } else {
                sendRelayed(new ConnectAccept(sessionId, request.attempt(), pairingNonce));
                relayedAccepts++;
                emit(Step.K10, () -> "accept attempt " + request.attempt() + " through the cloud");
                connected(Outcome.RELAYED);
            }
        } else if (message instanceof GameUpdate update) {
            GameEcho echo = new GameEcho(sessionId, update.tick(), update.sentAtNanos());
            if (source != null) {
                context.send(source, MessageCodec.encode(echo));
            } else {
                sendRelayed(echo);
            }
            echoes++;
            if (update.tick() == config.gameTicks() - 1) {
                leave();
            }
        }
    }

    private void connected(Outcome how) {
        if (path != Outcome.PENDING) {
            return;
        }
        path = how;
        connectedAt = context.now();
        if (pingTimer != -1) {
            cancel(pingTimer);
            pingTimer = -1;
        }
        if (listenTimer != -1) {
            cancel(listenTimer);
            listenTimer = -1;
        }
        // The client may still be retrying if our accept was lost, or playing: leave only after
        // the last game update or once the client has been quiet for the listen timeout.
        context.setTimer(connectedAt + config.listenTimeoutNanos(), quietCheck);
    }

    private void onQuietCheck() {
        if (finished) {
            return;
        }
        long quietUntil = lastHeard + config.listenTimeoutNanos();
        if (context.now() >= quietUntil) {
            leave();
        } else {
            context.setTimer(quietUntil, quietCheck);
        }
    }

    @Override
    void cloudLost(Message.Reliable message) {
        if (!finished && path == Outcome.PENDING && k2At == -1) {
            failure = FailureReason.CLOUD_UNREACHABLE;
            shutDown();
        }
    }

    @Override
    void stunFailed() {
        failure = FailureReason.STUN_FAILED;
        shutDown();
    }
}
