package io.punchsim.realnet.stun;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunServer;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.SocketAddresses;
import io.punchsim.realnet.runtime.UdpContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A STUN server on real sockets: one socket in plain mode, or the four sockets of RFC 5780 when
 * an alternate address is given (primary and alternate IP, each with primary and alternate port).
 *
 * @param listen the primary address (port 0 picks one, plain mode only)
 * @param alternate the RFC 5780 alternate address, or {@code null} for plain mode
 * @param software the SOFTWARE attribute of the answers
 * @param changedAnswersPerMinute in RFC 5780 mode, answers per source address and minute from
 *     another address or port than the one asked, or to another port (the rest go unanswered)
 */
public record StunService(Endpoint listen, Endpoint alternate, String software, int changedAnswersPerMinute) {

    public StunService(Endpoint listen, Endpoint alternate, String software) {
        this(listen, alternate, software, StunServer.DEFAULT_CHANGED_ANSWERS_PER_MINUTE);
    }

    public StunService {
        if (changedAnswersPerMinute < 0) {
            throw new IllegalArgumentException("changed answers per minute must not be negative: " + changedAnswersPerMinute);
        }
        if (alternate != null) {
            if (listen.port() == 0 || alternate.port() == 0) {
                throw new IllegalArgumentException("RFC 5780 mode needs explicit ports for --listen and --other");
            }
            if (listen.ip() == alternate.ip() || listen.port() == alternate.port()) {
                throw new IllegalArgumentException(
                        "--other must differ from --listen in both address and port (RFC 5780 section 4.1): "
                                + listen + " vs " + alternate);
            }
        }
    }

    /** Binds the sockets on {@code loop} and starts a server machine on each; returns their addresses. */
    public List<Endpoint> open(EventLoop loop) throws IOException {
        List<Endpoint> bound = new ArrayList<>();
        if (alternate == null) {
            UdpContext context = loop.open(SocketAddresses.toInet(listen), event -> {});
            context.start(new StunServer(software));
            bound.add(context.localAddress());
            return bound;
        }
        for (Map.Entry<Endpoint, StunServer> socket : StunServer.withAlternate(listen, alternate, software, changedAnswersPerMinute).entrySet()) {
            UdpContext context = loop.open(SocketAddresses.toInet(socket.getKey()), event -> {});
            bound.add(context.localAddress());
            context.start(socket.getValue());
        }
        return bound;
    }
}
