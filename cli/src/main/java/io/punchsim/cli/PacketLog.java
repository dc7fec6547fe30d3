package io.punchsim.cli;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.stun.Decoded;
import io.punchsim.protocol.stun.StunDecoder;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.scenarios.run.RunObserver;
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

    /**
     * One datagram as sent: when, by which peer ({@code host}, {@code cloud}, {@code stun},
     * {@code client}, {@code client-2} …), what kind, to which address.
     */
    record Flight(long id, long sentAt, String from, String kind, Endpoint destination) {
        Role fromRole() {
            return role(from);
        }
    }

    /** What became of a flight: it reached peer {@code to}, or was dropped at {@code node} for {@code reason}. */
    record Fate(long at, Flight flight, String to, String node, DropReason reason) {
        boolean dropped() {
            return reason != null;
        }
    }

    private final Map<Long, Flight> flights = new HashMap<>();
    private final List<Flight> sent = new ArrayList<>();
    private final List<Fate> fates = new ArrayList<>();
    /**
     * The addresses of the peers: each one's own, from what it sent, and its public ones, from what
     * the cloud and the STUN server received.
     */
    private final Map<Endpoint, String> learned = new HashMap<>();
    private final int clients;

    /** A log of a session with {@code clients} clients. */
    PacketLog(int clients) {
        this.clients = clients;
    }

    @Override
    public void onSend(long now, String node, Datagram datagram) {
        if (role(node) == null) {
            return;
        }
        String from = node;
        if (role(node) == Role.HOST || role(node) == Role.CLIENT) {
            learned.putIfAbsent(datagram.source(), from);
        }
        Flight flight = new Flight(datagram.id(), now, from, kind(datagram.payload()), datagram.destination());
        flights.put(datagram.id(), flight);
        sent.add(flight);
    }

    @Override
    public void onDeliver(long now, String node, Datagram datagram) {
        Flight flight = flights.get(datagram.id());
        if (flight == null || role(node) == null) {
            return;
        }
        if (role(node) == Role.CLOUD || role(node) == Role.STUN) {
            learned.put(datagram.source(), flight.from());
        }
        fates.add(new Fate(now, flight, node, node, null));
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
    private String intended(Flight f) {
        if (f.fromRole() == Role.CLOUD || f.fromRole() == Role.STUN) {
            return learned.get(f.destination());
        }
        if (f.kind().startsWith("Binding")) {
            return "stun";
        }
        boolean peerToPeer = switch (f.kind()) {
            case "Ping", "ConnectRequest", "ConnectAccept", "GameUpdate", "GameEcho" -> true;
            default -> false;
        };
        if (!peerToPeer) {
            return "cloud";
        }
        if (f.fromRole() != Role.HOST) {
            return "host";
        }
        // The host reaches a client at an address that client sent from or was seen at.
        String to = learned.get(f.destination());
        return to != null && role(to) == Role.CLIENT ? to : clients == 1 ? "client" : null;
    }

    /**
     * The role of a simulated node, for the nodes that run one (NATs and routers run none): the
     * clients are {@code client}, {@code client-2}, {@code client-3} …
     */
    static Role role(String node) {
        return switch (node) {
            case "host" -> Role.HOST;
            case "client" -> Role.CLIENT;
            case "cloud" -> Role.CLOUD;
            case "stun" -> Role.STUN;
            default -> RunObserver.clientIndex(node) >= 0 ? Role.CLIENT : null;
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
