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
import java.util.ArrayList;
import java.util.List;

/**
 * The client: joins a random session (C1–C11), then from K1 makes connection attempts every
 * interval T, direct while {@code n < f × L}, relayed after, and shuts down at {@code n >= L}. The
 * first {@code ConnectAccept} fixes the outcome (with relay-first, a later direct accept upgrades a
 * relayed one); then it sends game updates and measures round trips.
 */
public final class ClientPeer extends Peer {

    private final Runnable attemptTick = this::attempt;
    private final Runnable gameTick = this::sendUpdate;
    private final Runnable gameEnd = this::endGame;
    private final Runnable retryJoin = this::begin;
    private final Runnable addressesTimeout = this::onAddressesTimeout;
    private final List<Endpoint> directTargets = new ArrayList<>(4);

    private int noSessionRetries;
    private long k1At = -1;
    private int attempt;
    private long attemptTimer = -1;
    private Outcome outcome = Outcome.PENDING;
    private FailureReason failure = FailureReason.NONE;
    private long connectedAt = -1;
    private int acceptedAttempt = -1;
    private Endpoint directPeer;
    /** The host's reflexive address from K1, as the cloud vouched for it. */
    private Endpoint hostReflexive;
    private int ticksSent;
    private long gameTimer = -1;
    private long[] roundTrips = new long[0];
    private boolean[] echoedTick = new boolean[0];
    private int echoes;
    /** The socket the direct path's accept came on (0: our own; another with birthday punching). */
    private int directSocket;
    private boolean hostHinted;
    /** lan-stage: the host's local address while attempts n < {@link #localStage} go to it alone; else null. */
    private Endpoint hostLocal;
    private int localStage;
    /** relay-first: when the direct accept upgraded the relayed connection, or -1. */
    private long upgradedAt = -1;
    /** Which game updates were sent on the direct path (relay-first splits the round trips by it). */
    private boolean[] sentDirect = new boolean[0];
    private int echoesBeforeUpgrade;
    private long[] roundTripsBeforeUpgrade = new long[0];

    public ClientPeer(ProtocolConfig config, Endpoint cloud, Endpoint stun) {
        this(config, config.startupDelay(), cloud, stun);
    }

    /**
     * A client that waits {@code startupDelay} at C7 instead of the config's.
     *
     * @throws IllegalArgumentException when the delay is outside its parameter's range
     */
    public ClientPeer(ProtocolConfig config, StartupDelay startupDelay, Endpoint cloud, Endpoint stun) {
        super(config, startupDelay, cloud, stun, Role.CLIENT);
    }

    /** The result so far; final once {@link #isFinished()}. */
    public ConnectionResult result() {
        List<Long> rtts = new ArrayList<>(echoes);
        for (int i = 0; i < echoes; i++) {
            rtts.add(roundTrips[i]);
        }
        List<Long> before = new ArrayList<>(echoesBeforeUpgrade);
        for (int i = 0; i < echoesBeforeUpgrade; i++) {
            before.add(roundTripsBeforeUpgrade[i]);
        }
        return new ConnectionResult(outcome, failure, startedAt, k1At,
                connectedAt < 0 ? -1 : connectedAt - k1At,
                connectedAt < 0 ? -1 : connectedAt - startedAt,
                acceptedAttempt, attempt, ticksSent, rtts, finished,
                upgradedAt < 0 ? -1 : upgradedAt - k1At, before);
    }

    /** The addresses direct attempts go to (the host's reflexive one first). */
    public List<Endpoint> directTargets() {
        return List.copyOf(directTargets);
    }

    @Override
    void begin() {
        emit(Step.C2, () -> noSessionRetries == 0 ? "join random session" : "join random session, retry " + noSessionRetries);
        signal.send(new JoinRandom(signal.nextSeq()));
        awaitAnswer();
    }

    @Override
    PeerRole peerRole() {
        return PeerRole.CLIENT;
    }

    @Override
    void onNoSession() {
        if (sessionId != -1) {
            return;
        }
        if (noSessionRetries >= config.noSession().maxRetries()) {
            emit(Step.C3, "no session, giving up");
            fail(FailureReason.NO_SESSION);
            return;
        }
        noSessionRetries++;
        long wait = config.noSession().backoff(noSessionRetries);
        emit(Step.C3, () -> "no session, retry in " + wait / 1_000_000 + " ms");
        context.setTimer(context.now() + wait, retryJoin);
    }

    /** The host went silent and the cloud closed its session: no accept can come any more. */
    @Override
    void onSessionClosed() {
        if (outcome == Outcome.PENDING && !finished) {
            emit(Step.K6, "the host is gone (the cloud closed the session), shutting down");
            fail(FailureReason.NO_SESSION);
        }
    }

    /** The cloud refused us a place: the session holds its capacity of players already. */
    @Override
    void onSessionFull() {
        if (outcome == Outcome.PENDING && !finished) {
            emit(Step.K6, "the session is full (the cloud refused the join), shutting down");
            fail(FailureReason.SESSION_FULL);
        }
    }

    /**
     * The host may be gone (its STUN failed, it shut down) before the cloud could pair us: after
     * the listen timeout without the host's addresses the session is as good as missing.
     */
    @Override
    void onReported() {
        context.setTimer(context.now() + config.listenTimeoutNanos(), addressesTimeout);
    }

    private void onAddressesTimeout() {
        if (k1At == -1 && outcome == Outcome.PENDING) {
            emit(Step.K6, "no host addresses within the listen timeout, shutting down");
            fail(FailureReason.NO_SESSION);
        }
    }

    @Override
    void onPeerAddresses(PeerAddresses addresses) {
        if (k1At != -1) {
            return;
        }
        k1At = context.now();
        hostReflexive = addresses.reflexive();
        emit(Step.K1, () -> "host " + addresses.reflexive() + " / " + addresses.local());
        for (Endpoint candidate : candidates(addresses)) {
            addTarget(candidate);
        }
        if (onOurLan(addresses)) {
            hostLocal = addresses.local();
            localStage = (directAttempts() + 1) / 2;
        }
        attempt();
        if (config.birthdayPunch() && outcome == Outcome.PENDING) {
            // The host answers with its own hint and, if it is the easy side, probes at once: a hard
            // client opens its mappings now so that they all stand when the first probe comes.
            boolean hard = mapsPerDestination();
            if (hard) {
                openBirthdayMappings(hostReflexive, pairingNonce);
            }
            sendRelayed(new BirthdayHint(sessionId, hard, pairingNonce));
        }
    }

    /** How many attempts are direct: those with {@code n < f × L}. */
    private int directAttempts() {
        int n = 0;
        while (n < config.attemptLimit() && config.directFraction().exceeds(n, config.attemptLimit())) {
            n++;
        }
        return n;
    }

    private void addTarget(Endpoint e) {
        if (!directTargets.contains(e)) {
            directTargets.add(e);
        }
    }

    /** One tick of the attempt loop of spec 2.3, at exactly K1 + n × T. */
    private void attempt() {
        attemptTimer = -1;
        // relay-first: a relayed connection keeps trying direct in the background.
        boolean background = config.relayFirst() && outcome == Outcome.RELAYED && upgradedAt == -1;
        if ((outcome != Outcome.PENDING && !background) || finished) {
            return;
        }
        int n = attempt;
        int limit = config.attemptLimit();
        boolean direct = n < limit && !directTargets.isEmpty() && config.directFraction().exceeds(n, limit);
        if (background && !direct) {
            emit(Step.K3, () -> "no direct accept after " + n + " attempts: staying on the relay");
            if (!config.gamePhase()) {
                leave();
            }
            return;
        }
        if (n >= limit) {
            emit(Step.K6, () -> "attempt limit " + limit + " reached, shutting down");
            fail(FailureReason.ATTEMPTS_EXHAUSTED);
            return;
        }
        ConnectRequest request = new ConnectRequest(sessionId, n, pairingNonce);
        if (direct) {
            byte[] bytes = MessageCodec.encode(request);
            if (n < localStage) {
                context.send(hostLocal, bytes);
                emit(Step.K3, () -> "attempt " + n + " direct to the host's local address " + hostLocal);
            } else {
                for (int i = 0; i < directTargets.size(); i++) {
                    context.send(directTargets.get(i), bytes);
                }
                emit(Step.K3, () -> "attempt " + n + " direct to " + directTargetsText());
            }
        }
        if (!background && (!direct || config.parallelRelay() || (config.relayFirst() && n == 0))) {
            sendRelayed(request);
            emit(Step.K4, () -> "attempt " + n + " through the cloud");
        }
        attempt = n + 1;
        attemptTimer = context.setTimer(k1At + (long) attempt * config.attemptIntervalNanos(), attemptTick);
    }

    private String directTargetsText() {
        return directTargets.size() == 1 ? directTargets.get(0).toString() : directTargets.toString();
    }

    @Override
    void onPeerMessage(Endpoint source, PeerMessage message) {
        if (message instanceof ConnectAccept accept) {
            accepted(source, accept);
        } else if (message instanceof GameEcho echo) {
            echoed(echo);
        } else if (message instanceof BirthdayHint hint && source == null) {
            onBirthdayHint(hint);
        } else if (message instanceof BirthdayProbe probe && source != null) {
            onBirthdayProbe(source, probe);
        } else if (message instanceof Ping && source != null && k1At != -1 && config.peerReflexive()
                && source.ip() == hostReflexive.ip()
                && !directTargets.contains(source) && outcome == Outcome.PENDING) {
            // The host's pings come from where its NAT maps it toward us: a peer-reflexive candidate.
            // Only on the host's vouched address: a ping names no nonce, so anyone could send one.
            directTargets.add(source);
        }
    }

    private void onBirthdayHint(BirthdayHint hint) {
        if (hostHinted || k1At == -1 || outcome != Outcome.PENDING || !pairedBy(hint.nonce())) {
            return;
        }
        hostHinted = true;
        if (!mapsPerDestination() && hint.hard()) {
            probeBirthday(hostReflexive.ip(), pairingNonce, () -> outcome == Outcome.PENDING);
        }
    }

    /**
     * A probe reached us: from the host's echo of one of ours that hit, or from the host's probe
     * that hit one of our birthday sockets. Either way a request from the socket it came on, to
     * where it came from, now passes both NATs.
     */
    private void onBirthdayProbe(Endpoint source, BirthdayProbe probe) {
        if (outcome != Outcome.PENDING || k1At == -1 || source.ip() != hostReflexive.ip() || !pairedBy(probe.nonce())) {
            return;
        }
        int n = Math.max(0, attempt - 1);
        int socket = arrivedOn;
        sendOn(socket, source, MessageCodec.encode(new ConnectRequest(sessionId, n, pairingNonce)));
        emit(Step.K3, () -> "attempt " + n + " direct to " + source + " (birthday punch" + (socket == 0 ? "" : ", socket " + socket) + ")");
    }

    private void accepted(Endpoint source, ConnectAccept accept) {
        boolean upgrade = config.relayFirst() && outcome == Outcome.RELAYED && upgradedAt == -1
                && source != null && !finished;
        if ((outcome != Outcome.PENDING && !upgrade) || k1At == -1 || !pairedBy(accept.nonce())) {
            return;
        }
        if (upgrade) {
            upgradedAt = context.now();
            outcome = Outcome.DIRECT;
            directPeer = source;
            emit(Step.K8, () -> "accepted attempt " + accept.attempt() + " directly from " + source
                    + ": upgraded from the relay, game updates move to the direct path");
            cancel(attemptTimer);
            attemptTimer = -1;
            // Every round trip so far was through the relay.
            System.arraycopy(roundTrips, 0, roundTripsBeforeUpgrade, 0, echoes);
            echoesBeforeUpgrade = echoes;
            echoes = 0;
            if (!config.gamePhase()) {
                leave();
            }
            return;
        }
        connectedAt = context.now();
        acceptedAttempt = accept.attempt();
        if (source != null) {
            outcome = Outcome.DIRECT;
            directPeer = source;
            directSocket = arrivedOn;
            emit(Step.K8, () -> "accepted attempt " + accept.attempt() + " directly from " + source);
        } else {
            outcome = Outcome.RELAYED;
            emit(Step.K11, () -> "accepted attempt " + accept.attempt() + " through the cloud");
        }
        // relay-first: a relayed connection goes on attempting direct in the background.
        boolean background = config.relayFirst() && outcome == Outcome.RELAYED;
        if (attemptTimer != -1 && !background) {
            cancel(attemptTimer);
            attemptTimer = -1;
        }
        if (config.gamePhase()) {
            roundTrips = new long[config.gameTicks()];
            echoedTick = new boolean[config.gameTicks()];
            if (config.relayFirst()) {
                sentDirect = new boolean[config.gameTicks()];
                roundTripsBeforeUpgrade = new long[config.gameTicks()];
            }
            sendUpdate();
        } else if (!background) {
            leave();
        }
    }

    private void sendUpdate() {
        if (finished) {
            return;
        }
        long now = context.now();
        GameUpdate update = new GameUpdate(sessionId, ticksSent, now);
        if (outcome == Outcome.DIRECT) {
            sendOn(directSocket, directPeer, MessageCodec.encode(update));
            if (sentDirect.length > 0) {
                sentDirect[ticksSent] = true;
            }
        } else {
            sendRelayed(update);
        }
        if (ticksSent == 0) {
            emit(outcome == Outcome.DIRECT ? Step.K9 : Step.K12,
                    () -> config.gameTicks() + " game updates at " + java.math.BigDecimal.valueOf(config.tickRateHz()).stripTrailingZeros().toPlainString() + " Hz");
        }
        ticksSent++;
        if (ticksSent < config.gameTicks()) {
            gameTimer = context.setTimer(connectedAt + ticksSent * config.tickIntervalNanos(), gameTick);
        } else {
            gameTimer = context.setTimer(now + config.echoGraceNanos(), gameEnd);
        }
    }

    private void echoed(GameEcho echo) {
        if (outcome == Outcome.PENDING || finished || echoes + echoesBeforeUpgrade >= roundTrips.length
                || echo.tick() < 0 || echo.tick() >= ticksSent || echoedTick[echo.tick()]) {
            return;
        }
        echoedTick[echo.tick()] = true;
        long rtt = context.now() - echo.sentAtNanos();
        if (upgradedAt != -1 && !sentDirect[echo.tick()]) {
            roundTripsBeforeUpgrade[echoesBeforeUpgrade++] = rtt;
        } else {
            roundTrips[echoes++] = rtt;
        }
        if (echoes + echoesBeforeUpgrade == config.gameTicks()) {
            cancel(gameTimer);
            endGame();
        }
    }

    private void endGame() {
        cancel(attemptTimer);
        attemptTimer = -1;
        leave();
    }

    private void fail(FailureReason reason) {
        outcome = Outcome.FAILED;
        failure = reason;
        cancel(attemptTimer);
        shutDown();
    }

    @Override
    void cloudLost(Message.Reliable message) {
        if (finished) {
            return;
        }
        if (outcome == Outcome.PENDING) {
            fail(FailureReason.CLOUD_UNREACHABLE);
        }
    }

    @Override
    void stunFailed() {
        fail(FailureReason.STUN_FAILED);
    }
}
