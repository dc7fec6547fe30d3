package io.punchsim.protocol.peer;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.protocol.config.StartupDelay;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.portmap.NatPmpWire;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.runtime.Retransmitter;
import io.punchsim.protocol.signal.SignalChannel;
import io.punchsim.protocol.stun.StunWire;
import io.punchsim.protocol.wire.Decoded;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.Message.*;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What host and client share: steps 1–11 of session set-up (join, start, start-up delay, local
 * address, STUN with retransmission, address report), the reliable link to the cloud with its
 * keepalives, and demultiplexing of the one socket between STUN, the cloud and the other peer.
 */
public abstract sealed class Peer implements Machine permits HostPeer, ClientPeer {

    private static final Step[] STEPS = Step.values();
    /**
     * NAT-PMP's schedule (RFC 6886 section 3.1: 250 ms, doubling), cut to two requests: a gateway
     * on the LAN answers in far less, and the address report waits for it.
     */
    static final Retransmission PORT_MAPPING_SCHEDULE = new Retransmission(250_000_000L, 2, 500_000_000L);

    protected final ProtocolConfig config;
    /**
     * Step H7/C7's delay: the config's, or one given to this peer alone (a simulated run draws one
     * per peer, and building a config for each cost more than the rest of a peer's set-up).
     */
    private final StartupDelay startupDelay;
    protected final Endpoint cloud;
    protected final Endpoint stun;
    private final Role role;
    private final int stepBase;

    protected Context context;
    protected SignalChannel signal;
    protected int sessionId = -1;
    protected int peerId = -1;
    protected Endpoint local;
    protected Endpoint reflexive;
    protected long startedAt;
    protected boolean finished;
    protected boolean shutDown;
    protected long malformedDropped;
    /** The pairing's nonce (from the JoinAck, then the PeerAddresses), valid once {@link #nonceKnown}. */
    protected long pairingNonce;
    protected boolean nonceKnown;
    protected long wrongNonceDropped;
    /** The sender's peer id of the relayed peer message being handled (the Relay's header). */
    protected int relayedFrom = -1;
    /** The socket the direct peer message being handled arrived on: 0 is the peer's own. */
    protected int arrivedOn;

    // port-mapping: the gateway asked, its external address, the mapping it granted.
    private Endpoint gateway;
    private PortMappingStage portMappingStage = PortMappingStage.NONE;
    private byte[] portMappingRequest;
    private Retransmitter portMappingRequests;
    private int gatewayAddress;
    /** The endpoint-independent mapping the gateway granted, reported instead of STUN's; or null. */
    protected Endpoint mapped;
    private boolean reported;

    // birthday-punch: the cloud's view of our socket, the sockets opened, the probes sent.
    private byte[] cloudStunTransaction;
    private byte[] cloudStunRequest;
    private Retransmitter cloudStunRequests;
    private Endpoint seenByCloud;
    private int birthdaySockets;
    private int probesSent;
    private long probeTimer = -1;

    private boolean startPending;
    private byte[] stunTransaction;
    private byte[] stunRequest;
    private Retransmitter stunRequests;
    private long keepaliveTimer = -1;
    private byte[] keepalive;
    private final Runnable afterStartup = this::afterStartup;
    private final Runnable keepaliveTick = this::sendKeepalive;
    private final Runnable cloudSilent = this::onCloudSilent;
    private long answerTimer = -1;

    Peer(ProtocolConfig config, StartupDelay startupDelay, Endpoint cloud, Endpoint stun, Role role) {
        ProtocolParameters.STARTUP_DELAY.problemWith(startupDelay).ifPresent(problem -> {
            throw new IllegalArgumentException("protocol parameters: " + problem);
        });
        this.config = config;
        this.startupDelay = startupDelay;
        this.cloud = cloud;
        this.stun = stun;
        this.role = role;
        this.stepBase = (role == Role.HOST ? Step.H1 : Step.C1).ordinal();
    }

    @Override
    public final void start(Context context) {
        this.context = context;
        this.startedAt = context.now();
        this.signal = new SignalChannel(context, cloud, config.cloud(), (channel, message) -> cloudLost(message));
        emit(setupStep(1), role == Role.HOST ? "start in server mode" : "start in client mode");
        begin();
    }

    /**
     * Set-up is request and answer. An Ack only says the request arrived; if the cloud then fails to
     * deliver its answer (it gives up after its own schedule), we would wait forever, so each
     * awaited answer has a deadline of one full retransmission span.
     */
    void awaitAnswer() {
        cancel(answerTimer);
        answerTimer = context.setTimer(context.now() + config.cloud().totalSpanNanos(), cloudSilent);
    }

    void answered() {
        cancel(answerTimer);
        answerTimer = -1;
    }

    private void onCloudSilent() {
        answerTimer = -1;
        if (!finished && !shutDown) {
            cloudLost(null);
        }
    }

    /** Has this peer nothing more to do (the driver may stop the run when both are finished)? */
    public boolean isFinished() {
        return finished;
    }

    /** Datagrams this peer could not decode. */
    public long malformedDropped() {
        return malformedDropped;
    }

    /** Connection requests or accepts dropped because they did not carry the pairing's nonce. */
    public long wrongNonceDropped() {
        return wrongNonceDropped;
    }

    /** Whether {@code nonce} is the one the cloud gave this peer's pairing. */
    boolean pairedBy(long nonce) {
        if (nonceKnown && nonce == pairingNonce) {
            return true;
        }
        wrongNonceDropped++;
        return false;
    }

    /** Step 2: ask the cloud for a session. */
    abstract void begin();

    /** The cloud answered {@code NoSession} (client only). */
    abstract void onNoSession();

    /** The cloud closed the session: its host went silent (client only). */
    abstract void onSessionClosed();

    /** The cloud refused a place in a session: every one it would hand out is full (client only). */
    abstract void onSessionFull();

    /** K1/K2: the other member's addresses arrived. */
    abstract void onPeerAddresses(PeerAddresses addresses);

    /**
     * Where to send to reach the other peer, best first: its reflexive address, then (with the
     * variants on) its local address and the next predicted ports above the reflexive one.
     */
    final List<Endpoint> candidates(PeerAddresses addresses) {
        if (relayOnly(addresses)) {
            return List.of();
        }
        List<Endpoint> candidates = new ArrayList<>(2 + config.predictedPorts());
        candidates.add(addresses.reflexive());
        if (config.localCandidates()) {
            candidates.add(addresses.local());
        }
        if (config.portPrediction()) {
            for (int i = 1; i <= config.predictedPorts(); i++) {
                int port = addresses.reflexive().port() + i;
                if (port <= 0xFFFF) {
                    candidates.add(new Endpoint(addresses.reflexive().ip(), port));
                }
            }
        }
        return candidates;
    }

    /**
     * relay-without-reflexive: one side has no reflexive address (its STUN failed), so there is
     * nothing to punch toward or from, and the pair goes to the relay at once.
     */
    final boolean relayOnly(PeerAddresses addresses) {
        return config.relayWithoutReflexive() && (reflexive.isNone() || addresses.reflexive().isNone());
    }

    /** lan-stage: the other peer's local address is in our own subnet (see {@link Endpoint#sameSubnet}). */
    final boolean onOurLan(PeerAddresses addresses) {
        return config.lanStage() && !relayOnly(addresses) && local.sameSubnet(addresses.local());
    }

    /** A peer message, directly from {@code source}, or through the relay when {@code source} is null. */
    abstract void onPeerMessage(Endpoint source, PeerMessage message);

    /** Signalling failed for good ({@code message} is null when an awaited answer never came). */
    abstract void cloudLost(Message.Reliable message);

    /** STUN failed for good. */
    abstract void stunFailed();

    /** The role the peer registers with. */
    abstract PeerRole peerRole();

    @Override
    public final void onDatagram(Endpoint source, byte[] payload) {
        if (gateway != null && source.equals(gateway)) {
            if (!shutDown && portMappingStage != PortMappingStage.DONE) {
                onGatewayAnswer(payload);
            }
            return;
        }
        if (StunWire.isStun(payload)) {
            if (cloudStunTransaction != null && source.equals(cloud)) {
                onCloudStun(payload);
            } else {
                onStun(payload);
            }
            return;
        }
        Decoded decoded = MessageCodec.decode(payload);
        if (!(decoded instanceof Decoded.Ok ok)) {
            malformedDropped++;
            return;
        }
        Message message = ok.message();
        if (source.equals(cloud)) {
            fromCloud(message);
        } else if (message instanceof PeerMessage pm && pm.sessionId() == sessionId && !shutDown) {
            onPeerMessage(source, pm);
        }
    }

    private void fromCloud(Message message) {
        if (message instanceof Ack ack) {
            signal.acknowledged(ack.seq());
        } else if (message instanceof Reliable reliable) {
            if (!shutDown && signal.receive(reliable.seq())) {
                onSignal(reliable);
            }
        } else if (message instanceof Relay relay && relay.sessionId() == sessionId && !shutDown) {
            Decoded inner = MessageCodec.decode(relay.payload());
            if (inner instanceof Decoded.Ok ok && ok.message() instanceof PeerMessage pm
                    && pm.sessionId() == sessionId) {
                relayedFrom = relay.peerId();
                onPeerMessage(null, pm);
            } else {
                malformedDropped++;
            }
        }
    }

    private void onSignal(Reliable message) {
        if (message instanceof SessionCreated m) {
            joinSession(m.sessionId());
        } else if (message instanceof SessionFound m) {
            joinSession(m.sessionId());
        } else if (message instanceof NoSession) {
            answered();
            onNoSession();
        } else if (message instanceof JoinAck m && m.sessionId() == sessionId) {
            peerId = m.peerId();
            pairingNonce = m.nonce();
            nonceKnown = true;
            emit(setupStep(5), () -> "joined as peer " + peerId);
            keepalive = MessageCodec.encode(new Keepalive(sessionId, peerId));
            keepaliveTimer = context.setTimer(context.now() + config.keepaliveIntervalNanos(), keepaliveTick);
            if (startPending) {
                answered();
                startRunner();
            } else {
                awaitAnswer();
            }
        } else if (message instanceof Start m && m.sessionId() == sessionId) {
            emit(setupStep(6), "start");
            // Signalling may be reordered: the report needs our peer id, so wait for the JoinAck
            // (and keep its deadline running).
            if (peerId == -1) {
                startPending = true;
            } else {
                answered();
                startRunner();
            }
        } else if (message instanceof PeerAddresses m && m.sessionId() == sessionId) {
            pairingNonce = m.nonce();
            nonceKnown = true;
            onPeerAddresses(m);
        } else if (message instanceof SessionClosed m && m.sessionId() == sessionId) {
            onSessionClosed();
        } else if (message instanceof SessionFull) {
            answered();
            onSessionFull();
        }
    }

    private void startRunner() {
        startPending = false;
        long delay = startupDelay.draw(context.random());
        emit(setupStep(7), () -> "runner start-up " + delay / 1_000_000 + " ms");
        context.setTimer(context.now() + delay, afterStartup);
    }

    private void joinSession(int id) {
        if (sessionId != -1) {
            return;
        }
        sessionId = id;
        emit(setupStep(3), () -> "session " + id);
        emit(setupStep(4), () -> "join as " + peerRole());
        signal.send(new JoinRequest(signal.nextSeq(), id, peerRole(), Props.CLIENT_SERVER));
        awaitAnswer();
    }

    private void afterStartup() {
        if (shutDown) {
            return;
        }
        local = context.localAddress();
        emit(setupStep(8), () -> "local " + local);
        stunTransaction = new byte[12];
        context.random().nextBytes(stunTransaction);
        stunRequest = StunWire.bindingRequest(stunTransaction);
        stunRequests = new Retransmitter(context, config.stun(), this::sendStun, this::onStunGiveUp);
        if (config.portMapping() && context.gateway().isPresent()) {
            gateway = context.gateway().get();
            askGateway(PortMappingStage.ADDRESS, NatPmpWire.externalAddressRequest());
        }
        stunRequests.start();
        if (config.birthdayPunch()) {
            // The cloud answers STUN too: a NAT that maps per destination shows it another port.
            cloudStunTransaction = new byte[12];
            context.random().nextBytes(cloudStunTransaction);
            cloudStunRequest = StunWire.bindingRequest(cloudStunTransaction);
            cloudStunRequests = new Retransmitter(context, config.stun(), n -> context.send(cloud, cloudStunRequest), () -> { });
            cloudStunRequests.start();
        }
    }

    /** Where the port-mapping exchange stands. */
    private enum PortMappingStage { NONE, ADDRESS, MAP, DONE }

    private void askGateway(PortMappingStage stage, byte[] request) {
        portMappingStage = stage;
        portMappingRequest = request;
        if (portMappingRequests != null) {
            portMappingRequests.stop();
        }
        portMappingRequests = new Retransmitter(context, PORT_MAPPING_SCHEDULE,
                n -> context.send(gateway, portMappingRequest), this::portMappingDone);
        portMappingRequests.start();
    }

    private void onGatewayAnswer(byte[] payload) {
        if (portMappingStage == PortMappingStage.ADDRESS && NatPmpWire.isExternalAddressAnswer(payload)) {
            portMappingRequests.stop();
            var address = NatPmpWire.externalAddress(payload);
            if (address.isEmpty()) {
                portMappingDone();
                return;
            }
            gatewayAddress = address.getAsInt();
            if (reflexive != null) {
                mapIfOutermost();
            }
        } else if (portMappingStage == PortMappingStage.MAP && NatPmpWire.isMapAnswer(payload)) {
            portMappingRequests.stop();
            var port = NatPmpWire.mappedPort(payload, local.port());
            if (port.isPresent()) {
                mapped = new Endpoint(gatewayAddress, port.getAsInt());
            }
            portMappingDone();
        }
    }

    /**
     * Asks for a mapping only when the gateway's external address is the one STUN saw: behind a
     * further NAT (a carrier's), a mapping on the gateway would not be reachable from outside.
     */
    private void mapIfOutermost() {
        if (gatewayAddress == reflexive.ip()) {
            askGateway(PortMappingStage.MAP, NatPmpWire.mapRequest(local.port()));
        } else {
            emit(setupStep(10), () -> "gateway address " + Endpoint.formatIp(gatewayAddress)
                    + " is not the reflexive one: no port mapping");
            portMappingDone();
        }
    }

    private void portMappingDone() {
        if (portMappingStage == PortMappingStage.DONE) {
            return;
        }
        portMappingStage = PortMappingStage.DONE;
        if (portMappingRequests != null) {
            portMappingRequests.stop();
        }
        if (reflexive != null && !shutDown) {
            report();
        }
    }

    private void sendStun(int n) {
        emit(setupStep(9), () -> n == 1 ? "binding request" : "binding request, transmission " + n);
        context.send(stun, stunRequest);
    }

    private void onStunGiveUp() {
        if (reflexive == null && !shutDown) {
            if (config.relayWithoutReflexive()) {
                // Fusion 1.1: no NAT punch without reflexive info; report none and relay.
                reflexive = Endpoint.NONE;
                emit(setupStep(10), "no reflexive address (STUN failed): the pair will relay");
                report();
            } else {
                stunFailed();
            }
        }
    }

    private void onStun(byte[] payload) {
        if (stunTransaction == null || reflexive != null || shutDown) {
            return;
        }
        Optional<Endpoint> mapped = StunWire.mappedAddress(payload, stunTransaction);
        if (mapped.isEmpty()) {
            return;
        }
        reflexive = mapped.get();
        stunRequests.stop();
        emit(setupStep(10), () -> "reflexive " + reflexive);
        if (portMappingStage == PortMappingStage.NONE || portMappingStage == PortMappingStage.DONE) {
            report();
        } else if (portMappingStage == PortMappingStage.ADDRESS && gatewayAddress != 0) {
            mapIfOutermost();
        }
    }

    /** Step 11, once STUN has answered and the gateway has granted a mapping, refused or stayed silent. */
    private void report() {
        if (reported) {
            return;
        }
        reported = true;
        Endpoint reportedAddress = mapped != null ? mapped : reflexive;
        emit(setupStep(11), () -> "report " + local + " / " + (reportedAddress.isNone() ? "none" : reportedAddress)
                + (mapped != null ? " (port mapping)" : ""));
        signal.send(new AddressReport(signal.nextSeq(), sessionId, peerId, local, reportedAddress));
        onReported();
    }

    private void onCloudStun(byte[] payload) {
        if (seenByCloud != null || shutDown) {
            return;
        }
        Optional<Endpoint> seen = StunWire.mappedAddress(payload, cloudStunTransaction);
        if (seen.isPresent()) {
            seenByCloud = seen.get();
            cloudStunRequests.stop();
        }
    }

    /**
     * Whether this peer's NAT maps per destination: the cloud saw its socket at another endpoint
     * than the STUN server did. Unknown (no answer from the cloud yet) counts as not; a peer with
     * a granted port mapping is reached on it from anywhere, so it is not either.
     */
    final boolean mapsPerDestination() {
        return mapped == null && seenByCloud != null && reflexive != null && !seenByCloud.equals(reflexive);
    }

    /**
     * The hard side of birthday punching: opens {@code birthday.ports − 1} more sockets and sends
     * one probe from each toward {@code easySide}, so that with its own socket (whose pings or
     * requests went there already) its NAT holds {@code birthday.ports} mappings toward it.
     */
    final void openBirthdayMappings(Endpoint easySide, long nonce) {
        if (birthdaySockets == 0 && config.birthdayPorts() > 1) {
            birthdaySockets = context.openSockets(config.birthdayPorts() - 1, this::onSocketDatagram);
        }
        byte[] probe = MessageCodec.encode(new BirthdayProbe(sessionId, nonce));
        for (int socket = 1; socket <= birthdaySockets; socket++) {
            context.sendFrom(socket, easySide, probe);
        }
        emit(role == Role.HOST ? Step.K7 : Step.K3, () -> "birthday punch: " + birthdaySockets
                + " more sockets each send a probe to " + easySide);
    }

    /**
     * The easy side of birthday punching: a probe to a random port of {@code hardAddress} every
     * probe interval, {@code birthday.probes} at most, while {@code stillTrying} holds.
     */
    final void probeBirthday(int hardAddress, long nonce, java.util.function.BooleanSupplier stillTrying) {
        byte[] probe = MessageCodec.encode(new BirthdayProbe(sessionId, nonce));
        int low = Math.min(config.birthdayLowestPort(), config.birthdayHighestPort());
        int span = Math.max(config.birthdayLowestPort(), config.birthdayHighestPort()) - low + 1;
        emit(role == Role.HOST ? Step.K7 : Step.K3, () -> "birthday punch: up to " + config.birthdayProbes()
                + " probes to random ports " + low + ".." + (low + span - 1) + " of " + Endpoint.formatIp(hardAddress));
        Runnable[] tick = new Runnable[1];
        int[] sent = new int[1];
        tick[0] = () -> {
            probeTimer = -1;
            if (shutDown || !stillTrying.getAsBoolean() || sent[0] >= config.birthdayProbes()) {
                return;
            }
            context.send(new Endpoint(hardAddress, low + context.random().nextInt(span)), probe);
            sent[0]++;
            probesSent++;
            probeTimer = context.setTimer(context.now() + config.birthdayProbeIntervalNanos(), tick[0]);
        };
        tick[0].run();
    }

    /** Birthday probes sent by this peer (the easy side's). */
    public int birthdayProbesSent() {
        return probesSent;
    }

    /** A datagram on one of the sockets opened for birthday punching: only peer messages count. */
    private void onSocketDatagram(int socket, Endpoint source, byte[] payload) {
        if (shutDown) {
            return;
        }
        Decoded decoded = MessageCodec.decode(payload);
        if (decoded instanceof Decoded.Ok ok && ok.message() instanceof PeerMessage pm && pm.sessionId() == sessionId) {
            arrivedOn = socket;
            try {
                onPeerMessage(source, pm);
            } finally {
                arrivedOn = 0;
            }
        } else if (!(decoded instanceof Decoded.Ok)) {
            malformedDropped++;
        }
    }

    /** Sends a direct datagram from {@code socket} (0: the peer's own). */
    final void sendOn(int socket, Endpoint to, byte[] payload) {
        if (socket == 0) {
            context.send(to, payload);
        } else {
            context.sendFrom(socket, to, payload);
        }
    }

    /** Step 11 is done: the peer now waits for the other member's addresses. */
    void onReported() {}

    private void sendKeepalive() {
        if (finished || shutDown) {
            return;
        }
        context.send(cloud, keepalive);
        keepaliveTimer = context.setTimer(context.now() + config.keepaliveIntervalNanos(), keepaliveTick);
    }

    /** Sends a peer message through the cloud. */
    void sendRelayed(PeerMessage message) {
        sendRelayed(peerId, message);
    }

    /**
     * Sends a peer message through the cloud with {@code relayPeer} in the Relay's header: a
     * client's own peer id, or from the host the id of the client it is for.
     */
    void sendRelayed(int relayPeer, PeerMessage message) {
        context.send(cloud, MessageCodec.encodeRelay(sessionId, relayPeer, MessageCodec.encode(message)));
    }

    /** Leaves the session (reliably) and stops keepalives; the peer is finished. */
    void leave() {
        if (finished) {
            return;
        }
        finished = true;
        cancel(keepaliveTimer);
        if (sessionId != -1 && peerId != -1) {
            signal.send(new Leave(signal.nextSeq(), sessionId, peerId));
        }
    }

    /**
     * Stops all networking at once: one last unacknowledged {@code Leave} so the cloud can drop the
     * session, then nothing is sent or handled.
     */
    void shutDown() {
        if (shutDown) {
            return;
        }
        if (!finished && sessionId != -1 && peerId != -1) {
            context.send(cloud, MessageCodec.encode(new Leave(signal.nextSeq(), sessionId, peerId)));
        }
        shutDown = true;
        finished = true;
        cancel(keepaliveTimer);
        if (stunRequests != null) {
            stunRequests.stop();
        }
        if (portMappingRequests != null) {
            portMappingRequests.stop();
        }
        if (cloudStunRequests != null) {
            cloudStunRequests.stop();
        }
        cancel(probeTimer);
        cancel(answerTimer);
        signal.close();
    }

    /** Cancels a timer by handle; -1 means none is set. */
    void cancel(long timer) {
        if (timer != -1) {
            context.cancelTimer(timer);
        }
    }

    Step setupStep(int n) {
        return STEPS[stepBase + n - 1];
    }

    void emit(Step step, String detail) {
        context.emit(new StepEvent(context.now(), role, step, detail));
    }

    /** Emits a step whose detail is formatted only when the context records details. */
    void emit(Step step, Supplier<String> detail) {
        emit(step, context.recording() ? detail.get() : "");
    }
}
