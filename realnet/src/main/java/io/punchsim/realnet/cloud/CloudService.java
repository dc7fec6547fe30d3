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

/** The cloud (session directory, signalling and relay) on one real UDP socket. */
public record CloudService(Endpoint listen, ProtocolConfig config) {

    /** Binds the socket on {@code loop}, starts the cloud machine on it and returns it. */
    public CloudServer open(EventLoop loop, Consumer<StepEvent> events, Consumer<Endpoint> bound) throws IOException {
        UdpContext context = loop.open(SocketAddresses.toInet(listen), events);
        bound.accept(context.localAddress());
        CloudServer cloud = new CloudServer(config);
        context.start(cloud);
        return cloud;
    }
}
