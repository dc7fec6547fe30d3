package io.punchsim.nat;

import io.punchsim.sim.net.Datagram;
import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import io.punchsim.sim.net.Node;
import io.punchsim.sim.net.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A NAT (or firewall) as a node of the virtual network: a {@link NatTable} between an inside and
 * one outside neighbour.
 *
 * <p>A datagram from the outside neighbour is translated inward only when it is addressed to one of
 * the NAT's external addresses (a firewall checks any address behind it); anything else from outside
 * is dropped {@code NO_ROUTE}. A datagram from any other neighbour is inside traffic: it is translated
 * outward, or looped back inside when addressed to the NAT's own external endpoint. The outside
 * neighbour may itself be a NAT, which nests them.
 */
public final class NatNode implements Node {

    private NatBehaviour behaviour;
    private final List<Integer> externalIps;
    private Node outside;
    private final List<Long> mappingLossTimes = new ArrayList<>();
    private NodeContext context;
    /** The context the table was built in: a node reused on the same one keeps its table, started over. */
    private NodeContext tableContext;
    private NatTable table;
    private int firstExternalIp;

    /**
     * @param externalIps the addresses the NAT owns on its outside (the topology must give the node
     *     the same ones); unused by a firewall
     * @param outside the neighbour on the public side (a router, or the NAT this one sits behind)
     */
    public NatNode(NatBehaviour behaviour, List<Integer> externalIps, Node outside) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.externalIps = List.copyOf(externalIps);
        this.outside = Objects.requireNonNull(outside, "outside");
    }

    /** A NAT whose external addresses are the ones the topology gives its node. */
    public NatNode(NatBehaviour behaviour, Node outside) {
        this(behaviour, List.of(), outside);
    }

    /**
     * Makes this node, attached for an earlier run, a new NAT with {@code newBehaviour} in front of
     * {@code newOutside}, to be bound again: a network run after run binds the same node object, and
     * attaching it on the same context starts its table over (see {@link NatTable#reset}) instead of
     * building one.
     *
     * @return this node
     */
    public NatNode reuse(NatBehaviour newBehaviour, Node newOutside) {
        this.behaviour = Objects.requireNonNull(newBehaviour, "behaviour");
        this.outside = Objects.requireNonNull(newOutside, "outside");
        this.context = null;
        mappingLossTimes.clear();
        return this;
    }

    public NatBehaviour behaviour() {
        return behaviour;
    }

    /** The NAT's table; it exists once the node is attached, built on the node's own random stream. */
    public NatTable table() {
        if (table == null) {
            throw new IllegalStateException("the NAT is not attached to a network yet");
        }
        return table;
    }

    /**
     * Makes the NAT forget all its mappings at {@code atNanos}, as a reboot or the rebinding of a
     * mobile network does. May be called before the node is attached.
     */
    public void loseMappingsAt(long atNanos) {
        if (context == null) {
            mappingLossTimes.add(atNanos);
        } else {
            context.scheduler().schedule(atNanos, () -> table.dropAllMappings());
        }
    }

    @Override
    public void attach(NodeContext nodeContext) {
        this.context = nodeContext;
        // Plain loops rather than streams: a sweep attaches NATs for every run.
        int[] own;
        if (externalIps.isEmpty()) {
            own = nodeContext.addresses();
        } else {
            own = new int[externalIps.size()];
            for (int i = 0; i < own.length; i++) {
                own[i] = externalIps.get(i);
            }
        }
        // Asked on every attach: the network starts a node's stream over for each run that asks for it.
        UniformRandomProvider random = nodeContext.random();
        if (table != null && tableContext == nodeContext && externalIps.isEmpty() && table.random() == random) {
            table.reset(behaviour);
        } else {
            this.table = new NatTable(behaviour, own, random);
            this.tableContext = nodeContext;
        }
        this.firstExternalIp = own.length == 0 ? 0 : own[0];
        for (long at : mappingLossTimes) {
            nodeContext.scheduler().schedule(at, () -> table.dropAllMappings());
        }
        mappingLossTimes.clear();
    }

    @Override
    public void receive(Datagram datagram, Node from) {
        long now = context.now();
        NatVerdict verdict;
        if (from == outside) {
            boolean addressedToUs = table.ownsAddress(datagram.destination().ip())
                    || behaviour.mode() != NatMode.TRANSLATE;
            if (!addressedToUs) {
                context.drop(datagram, DropReason.NO_ROUTE);
                return;
            }
            verdict = table.inbound(now, datagram.source(), datagram.destination());
        } else {
            if (datagram.destination().port() == PortMappingService.PORT && table.ownsAddress(datagram.destination().ip())) {
                // Addressed to the NAT's own service port: a port-mapping request, never translated.
                answerPortMapping(now, datagram);
                return;
            }
            verdict = table.outbound(now, datagram.source(), datagram.destination());
        }
        if (verdict instanceof NatVerdict.Pass pass) {
            context.forward(datagram.withAddresses(pass.source(), pass.destination()));
        } else {
            context.drop(datagram, ((NatVerdict.Drop) verdict).reason());
        }
    }

    /**
     * Where an inside host asks for a port mapping: the NAT-PMP port on the NAT's first external
     * address (the virtual network gives a NAT no inside address); null for a box that does not
     * translate. Whether anything answers there depends on the behaviour's {@code portMapping}.
     */
    public Endpoint serviceEndpoint() {
        if (context == null) {
            throw new IllegalStateException("the NAT is not attached to a network yet");
        }
        return behaviour.mode() == NatMode.TRANSLATE ? new Endpoint(firstExternalIp, PortMappingService.PORT) : null;
    }

    /** A NAT without a service drops the request as a host without the socket would. */
    private void answerPortMapping(long now, Datagram request) {
        byte[] answer = behaviour.portMapping().offered()
                ? PortMappingService.answer(table, now, request.source(), request.payload())
                : null;
        if (answer == null) {
            context.drop(request, DropReason.NO_SOCKET);
            return;
        }
        context.delivered(request);
        context.send(new Datagram(context.nextDatagramId(), request.destination(), request.source(), answer));
    }

    @Override
    public boolean relaysOnly() {
        return true;
    }
}
