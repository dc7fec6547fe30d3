package io.punchsim.sim.net;

import io.punchsim.sim.event.KernelEvent;
import io.punchsim.sim.event.EventLoop;
import io.punchsim.sim.event.Scheduler;
import io.punchsim.sim.link.Channel;
import io.punchsim.sim.link.DirectionSpec;
import io.punchsim.sim.random.NamedStream;
import io.punchsim.sim.random.RandomStreams;
import io.punchsim.sim.topology.Hop;
import io.punchsim.sim.topology.Link;
import io.punchsim.sim.topology.Topology;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One run of a {@link Topology}: binds each topology node to a {@link Node} implementation and
 * carries datagrams between them, link by link, each link direction applying its own impairments.
 *
 * <p>Routing is by destination address: a forwarded datagram takes the next hop of the precomputed
 * route toward the node that owns its destination IP. A node left unbound acts as a {@link Router}.
 * Each link direction draws from its own stream ({@code "link:LABEL:forward"} or
 * {@code ":backward"}), each node from {@code "node:LABEL"}, so the run is a pure function of its seed;
 * the label is the name, except for copies of a part of which a run uses one ({@link
 * Topology.Builder#copy}).
 */
public final class Network {

    private final Topology topology;
    private final EventLoop loop;
    private RandomStreams streams;
    private final Attachment[] attachments;
    private final Channel[] channels;
    private TraceListener trace;
    private long nextDatagramId;
    /** The destination address routed last and the node that owns it (the topology never changes). */
    private int lastRoutedIp;
    private int lastRoutedOwner;
    /**
     * The number of this run of the network, moved on by {@link #reset}. Channels and node streams
     * are started over for a run when it first uses them, not all at every reset: a session's
     * network holds every shape the clients' NAT chains can take, and a run uses one of them.
     */
    private long run;
    private final long[] channelRun;
    /** The attachments bound in this run, the ones a reset clears. */
    private Attachment[] bound = new Attachment[16];
    private int boundCount;
    /** Arrivals that have fired, ready for reuse. */
    private Arrival[] freeArrivals = new Arrival[64];
    private int freeCount;

    /** A run with its own event loop and streams derived from {@code seed}. */
    public Network(Topology topology, long seed) {
        this(topology, new EventLoop(), new RandomStreams(seed));
    }

    public Network(Topology topology, EventLoop loop, RandomStreams streams) {
        this.topology = topology;
        this.loop = loop;
        this.streams = streams;
        this.attachments = new Attachment[topology.nodeCount()];
        for (int i = 0; i < attachments.length; i++) {
            attachments[i] = new Attachment(i, topology.nodeName(i), topology.nodeLabel(i));
        }
        this.channels = new Channel[topology.channelCount()];
        this.channelRun = new long[channels.length];
        this.lastRoutedOwner = topology.ownerOf(lastRoutedIp);
    }

    /**
     * Prepares this network for another run with a new seed: clears the event loop, every binding,
     * link state and the trace listener, keeping the allocated structures.
     */
    public void reset(long seed) {
        loop.reset();
        streams = new RandomStreams(seed);
        run++;
        for (int i = 0; i < boundCount; i++) {
            Attachment attachment = bound[i];
            if (!attachment.router) {
                attachment.previous = attachment.node;
            }
            attachment.node = null;
            attachment.relays = false;
            attachment.router = false;
            bound[i] = null;
        }
        boundCount = 0;
        // Channels keep their generators and samplers; each starts over when this run first uses it.
        trace = null;
        nextDatagramId = 0;
    }

    public Topology topology() {
        return topology;
    }

    public EventLoop loop() {
        return loop;
    }

    public Scheduler scheduler() {
        return loop;
    }

    public RandomStreams streams() {
        return streams;
    }

    public long now() {
        return loop.now();
    }

    /** Attaches {@code listener} to see every send, hop, delivery and drop; null detaches. */
    public void trace(TraceListener listener) {
        this.trace = listener;
    }

    /** Binds the named topology node to {@code node} and attaches it. */
    public <N extends Node> N bind(String name, N node) {
        return bind(topology.nodeIndex(name), node);
    }

    /** Binds topology node {@code index} (see {@link Topology#nodeIndex}) to {@code node} and attaches it. */
    public <N extends Node> N bind(int index, N node) {
        Attachment attachment = attachments[index];
        if (attachment.node != null) {
            throw new IllegalStateException("node '" + attachment.unique + "' is already bound");
        }
        attachment.node = node;
        attachment.relays = node.relaysOnly();
        attachment.router = node instanceof Router;
        if (boundCount == bound.length) {
            bound = java.util.Arrays.copyOf(bound, boundCount * 2);
        }
        bound[boundCount++] = attachment;
        node.attach(attachment);
        return node;
    }

    /** Binds the named node to a new {@link Host}. */
    public Host host(String name) {
        return bind(name, new Host());
    }

    /**
     * The node that was bound to topology node {@code index} in an earlier run of this network (before
     * a {@link #reset}), or null: a caller that binds a node of the same kind there run after run may
     * reuse it, if the kind allows (see {@code NatNode#reuse}). Routers left in place are not offered.
     */
    public Node previous(int index) {
        return attachments[index].previous;
    }

    /** The node bound to topology node {@code index} (a router if it was left unbound). */
    public Node node(int index) {
        return attachments[index].node();
    }

    /** The node bound to {@code name} (a router if it was left unbound). */
    public Node node(String name) {
        return attachments[topology.nodeIndex(name)].node();
    }

    private Channel channel(int number) {
        Channel channel = channels[number];
        if (channel == null) {
            Hop hop = topology.hop(number);
            Link link = topology.links().get(hop.link());
            DirectionSpec spec = link.spec().direction(hop.forward());
            String stream = "link:" + link.label() + (hop.forward() ? ":forward" : ":backward");
            channel = new Channel(spec, streams.stream(stream));
            channels[number] = channel;
            channelRun[number] = run;
        } else if (channelRun[number] != run) {
            channel.reset(streams.rootSeed());
            channelRun[number] = run;
        }
        return channel;
    }

    /** The node that owns {@code ip}, or -1. */
    private int ownerOf(int ip) {
        if (ip != lastRoutedIp) {
            // A datagram is routed once per hop to the same destination: look its owner up once.
            lastRoutedIp = ip;
            lastRoutedOwner = topology.ownerOf(ip);
        }
        return lastRoutedOwner;
    }

    private void route(Attachment from, Datagram datagram) {
        route(from, datagram, ownerOf(datagram.destination().ip()));
    }

    /** Routes a datagram whose destination {@code owner} (a node index, or -1) is known: it crosses routers unchanged. */
    private void route(Attachment from, Datagram datagram, int owner) {
        int number = owner < 0 ? -1 : topology.nextChannel(from.index, owner);
        if (number < 0) {
            drop(from, datagram, DropReason.NO_ROUTE);
            return;
        }
        long now = loop.now();
        if (topology.isIdeal(number)) {
            Attachment to = attachments[topology.channelTarget(number)];
            to.node();
            if (to.relays) {
                // Nothing happens on the wire, and nothing but forwarding at its far end: cross it now.
                if (trace != null) {
                    trace.onHop(now, from.name, to.name, datagram);
                }
                receive(to, datagram, from, owner);
                return;
            }
        }
        Channel channel = channel(number);
        DropReason reason = channel.admit(now);
        if (reason != null) {
            drop(from, datagram, reason);
            return;
        }
        int to = topology.channelTarget(number);
        if (trace != null) {
            trace.onHop(now, from.name, attachments[to].name, datagram);
        }
        schedule(channel.arrival(now), now, arrival(datagram, attachments[to], from, owner));
        if (channel.duplicates()) {
            schedule(channel.arrival(now), now, arrival(datagram, attachments[to], from, owner));
        }
    }

    /** Schedules an arrival; one due at once (a link without delay) goes to the loop's lane for the current instant. */
    private void schedule(long at, long now, Arrival arrival) {
        if (at == now) {
            loop.scheduleNow(arrival);
        } else {
            loop.schedule(at, arrival);
        }
    }

    private Arrival arrival(Datagram datagram, Attachment to, Attachment from, int owner) {
        Arrival arrival = freeCount == 0 ? new Arrival() : freeArrivals[--freeCount];
        arrival.datagram = datagram;
        arrival.to = to;
        arrival.from = from;
        arrival.owner = owner;
        return arrival;
    }

    private void drop(Attachment at, Datagram datagram, DropReason reason) {
        if (trace != null) {
            trace.onDrop(loop.now(), at.name, datagram, reason);
        }
    }

    /**
     * Hands {@code datagram}, come over the link from {@code from}, to the node bound at {@code at};
     * {@code owner} is the node that owns its destination, looked up when it was last routed.
     */
    private void receive(Attachment at, Datagram datagram, Attachment from, int owner) {
        Node node = at.node();
        if (at.router) {
            // What Router.receive would do, without a call through the interface every node
            // implements, nor a second look-up of where the datagram is going.
            route(at, datagram, owner);
        } else if (node instanceof Host host) {
            // Hosts and NATs take nearly every datagram: with hosts called on their own (final) type,
            // the call through the interface sees the NATs alone and can be inlined.
            host.receive(datagram, from.node());
        } else {
            node.receive(datagram, from.node());
        }
    }

    /**
     * A datagram reaching the far end of a link. Most of a run's events are these, so each is handed
     * back to the network's free list as soon as it fires and reused for a later hop.
     */
    private final class Arrival extends KernelEvent {
        private Datagram datagram;
        private Attachment to;
        private Attachment from;
        private int owner;

        @Override
        protected void deliver() {
            Datagram what = datagram;
            Attachment at = to;
            Attachment previous = from;
            int destination = owner;
            datagram = null;
            to = null;
            from = null;
            if (freeCount == freeArrivals.length) {
                freeArrivals = java.util.Arrays.copyOf(freeArrivals, freeCount * 2);
            }
            freeArrivals[freeCount++] = this;
            receive(at, what, previous, destination);
        }
    }

    /** The context a bound node acts through. */
    private final class Attachment implements NodeContext {
        private final int index;
        /** The node's label (see {@link Topology#nodeLabel}): what traces show and streams are named by. */
        private final String name;
        private final String unique;
        private final String stream;
        private Node node;
        /** Whether the bound node only relays ({@link Node#relaysOnly}), asked once when it is bound. */
        private boolean relays;
        private boolean router;
        private Router spareRouter;
        /** The node bound here before the last reset, offered for reuse by {@link #previous}. */
        private Node previous;
        private NamedStream random;
        private int[] addresses;
        /** The run {@link #random} was last started over for. */
        private long randomRun;

        Attachment(int index, String unique, String label) {
            this.index = index;
            this.unique = unique;
            this.name = label;
            this.stream = "node:" + label;
        }

        /** The bound node; a node left unbound becomes a router when a datagram first reaches it. */
        Node node() {
            // Kept small enough for the launcher's inlining budget: it runs on every hop.
            Node bound = node;
            return bound != null ? bound : bindRouter();
        }

        private Node bindRouter() {
            // The same router for this node in every run: it holds nothing but its context.
            if (spareRouter == null) {
                spareRouter = new Router();
            }
            bind(index, spareRouter);
            return node;
        }

        @Override
        public long now() {
            return loop.now();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void forward(Datagram datagram) {
            route(this, datagram);
        }

        @Override
        public void send(Datagram datagram) {
            if (trace != null) {
                trace.onSend(loop.now(), name, datagram);
            }
            int owner = ownerOf(datagram.destination().ip());
            if (owner == index) {
                // Addressed to this node itself: loop back without touching a link.
                Node self = node();
                loop.schedule(loop.now(), () -> self.receive(datagram, null));
                return;
            }
            route(this, datagram, owner);
        }

        @Override
        public void delivered(Datagram datagram) {
            if (trace != null) {
                trace.onDeliver(loop.now(), name, datagram);
            }
        }

        @Override
        public void drop(Datagram datagram, DropReason reason) {
            Network.this.drop(this, datagram, reason);
        }

        @Override
        public Scheduler scheduler() {
            return loop;
        }

        @Override
        public UniformRandomProvider random() {
            if (random == null) {
                random = streams.stream(stream);
                randomRun = run;
            } else if (randomRun != run) {
                // Kept from an earlier run: started over as the stream of this run's seed.
                random.reseed(streams.rootSeed());
                randomRun = run;
            }
            return random;
        }

        @Override
        public long nextDatagramId() {
            return ++nextDatagramId;
        }

        @Override
        public int[] addresses() {
            // One copy for this node and every run; the nodes bound here only read it.
            if (addresses == null) {
                addresses = topology.addresses(index);
            }
            return addresses;
        }
    }
}
