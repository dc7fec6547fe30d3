package io.punchsim.realnet.cloud;

import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.SocketAddresses;
import io.punchsim.realnet.runtime.UdpContext;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The cloud (session directory, signalling and relay) on one real UDP socket.
 *
 * @param listen where to bind
 * @param config the protocol parameters (the same as the peers')
 * @param settings the caps and limits of the cloud's tables, and what it prints
 */
public record CloudService(Endpoint listen, ProtocolConfig config, CloudOptions.Settings settings) {

    public CloudService(Endpoint listen, ProtocolConfig config) {
        this(listen, config, CloudOptions.Settings.DEFAULTS);
    }

    /** Binds the socket on {@code loop}, starts the cloud machine on it and returns it. */
    public CloudServer open(EventLoop loop, Consumer<StepEvent> events, Consumer<Endpoint> bound) throws IOException {
        UdpContext context = loop.open(SocketAddresses.toInet(listen), events);
        bound.accept(context.localAddress());
        CloudServer cloud = new CloudServer(config, settings.limits());
        context.start(cloud);
        return cloud;
    }
}
