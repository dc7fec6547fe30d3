package io.punchsim.cli;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.stun.Decoded;
import io.punchsim.protocol.stun.StunDecoder;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.sim.net.Datagram;
import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import io.punchsim.sim.net.TraceListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every datagram of one traced run: who sent it, what it was, and whether it arrived or was dropped
 * (where and why), so a trace draws what happened to each packet rather than what was meant.
 */
final class PacketLog implements TraceListener {

    /** One datagram as sent: when, by which role, what kind, to which address. */
    record Flight(long id, long sentAt, Role from, String kind, Endpoint destination) {}

    /** What became of a flight: it reached {@code to}, or was dropped at {@code node} for {@code reason}. */
    record Fate(long at, Flight flight, Role to, String node, DropReason reason) {
        boolean dropped() {
            return reason != null;
        }
    }

    private final Map<Long, Flight> flights = new HashMap<>();
    private final List<Flight> sent = new ArrayList<>();
    private final List<Fate> fates = new ArrayList<>();
    /** Public addresses of the peers, learned from what the cloud and the STUN server received. */
    private final Map<Endpoint, Role> learned = new HashMap<>();

    @Override
    public void onSend(long now, String node, Datagram datagram) {
        Role from = role(node);
        if (from == null) {
            return;
        }
        Flight flight = new Flight(datagram.id(), now, from, kind(datagram.payload()), datagram.destination());
        flights.put(datagram.id(), flight);
        sent.add(flight);
    }

    @Override
    public void onDeliver(long now, String node, Datagram datagram) {
        Flight flight = flights.get(datagram.id());
        Role to = role(node);
        if (flight == null || to == null) {
            return;
        }
        if (to == Role.CLOUD || to == Role.STUN) {
            learned.put(datagram.source(), flight.from());
        }
        fates.add(new Fate(now, flight, to, node, null));
    }

    @Override
    public void onDrop(long now, String node, Datagram datagram, DropReason reason) {
        Flight flight = flights.get(datagram.id());
        if (flight != null) {
            fates.add(new Fate(now, flight, intended(flight), node, reason));
        }
    }

    List<Flight> sent() {
        return sent;
    }

    List<Fate> fates() {
        return fates;
    }

    /** Where a dropped datagram was going, from what it was and whom it was addressed to; null if unknown. */
    private Role intended(Flight f) {
        if (f.from() == Role.CLOUD || f.from() == Role.STUN) {
            return learned.get(f.destination());
        }
        if (f.kind().startsWith("Binding")) {
            return Role.STUN;
        }
        boolean peerToPeer = switch (f.kind()) {
            case "Ping", "ConnectRequest", "ConnectAccept", "GameUpdate", "GameEcho" -> true;
            default -> false;
        };
        if (peerToPeer) {
            return f.from() == Role.HOST ? Role.CLIENT : Role.HOST;
        }
        return Role.CLOUD;
    }

    /** The role of a simulated node, for the nodes that run one (NATs and routers run none). */
    static Role role(String node) {
        return switch (node) {
            case "host" -> Role.HOST;
            case "client" -> Role.CLIENT;
            case "cloud" -> Role.CLOUD;
            case "stun" -> Role.STUN;
            default -> null;
        };
    }

    /** What a datagram carries, by its message's name: {@code ConnectRequest}, {@code relayed ConnectAccept}, {@code Binding Request}. */
    static String kind(byte[] payload) {
        if (StunDecoder.looksLikeStun(payload)) {
            if (StunDecoder.decode(payload) instanceof Decoded d) {
                return switch (d.message().messageClass()) {
                    case REQUEST -> "Binding Request";
                    case SUCCESS_RESPONSE -> "Binding Success";
                    case ERROR_RESPONSE -> "Binding Error";
                    case INDICATION -> "Binding Indication";
                };
            }
            return "malformed STUN";
        }
        if (MessageCodec.decode(payload) instanceof io.punchsim.protocol.wire.Decoded.Ok ok) {
            Message message = ok.message();
            if (message instanceof Message.Relay relay) {
                return "relayed " + kind(relay.payload());
            }
            return message.getClass().getSimpleName();
        }
        return "malformed datagram";
    }

    /** A drop reason in words. */
    static String reason(DropReason reason) {
        return switch (reason) {
            case LOSS -> "lost on the link";
            case LINK_DOWN -> "the link is down";
            case NO_ROUTE -> "no route";
            case NO_SOCKET -> "no socket bound to the port";
            case FILTERED -> "the NAT has no permission for this sender";
            case NO_MAPPING -> "the NAT could not make a mapping";
            case BLOCKED -> "UDP is blocked";
        } + " (" + reason.name().toLowerCase(Locale.ROOT) + ")";
    }
}
