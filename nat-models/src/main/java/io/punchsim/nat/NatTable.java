package io.punchsim.nat;

import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The state of one NAT, with no network around it: it is told the time and the addresses of each
 * datagram and answers with the translated addresses or a drop reason.
 *
 * <p>Time must not go backwards between calls. Expired mappings are removed on the next call whose
 * time has reached their expiry, through a queue ordered by expiry, so a call costs a few hash
 * lookups however many mappings are live, and an expired mapping's port is free again at once.
 */
public final class NatTable {

    private static final NatVerdict.Drop BLOCKED = new NatVerdict.Drop(DropReason.BLOCKED);
    private static final NatVerdict.Drop FILTERED = new NatVerdict.Drop(DropReason.FILTERED);
    private static final NatVerdict.Drop NO_MAPPING = new NatVerdict.Drop(DropReason.NO_MAPPING);
    private static final NatVerdict.Drop NO_ROUTE = new NatVerdict.Drop(DropReason.NO_ROUTE);
    /** Random draws before a random allocation falls back to scanning for a free port. */
    private static final int RANDOM_TRIES = 32;

    /** Expiry queue order: queued time, then creation order. One instance: a sweep builds tables per run. */
    private static final Comparator<Mapping> BY_QUEUED_TIME = (a, b) -> a.queuedAt != b.queuedAt
            ? Long.compare(a.queuedAt, b.queuedAt)
            : Long.compare(a.serial, b.serial);

    /** Fixed for a table's life but for {@link #reset}, which starts a table over for the next run. */
    private NatBehaviour behaviour;
    private final int[] externalIps;
    private final UniformRandomProvider random;

    private final FlowIndex<Mapping> byInternal = new FlowIndex<>();
    private final FlowIndex<Mapping> byExternal = new FlowIndex<>();
    /** Live mappings in creation order: the first is the one to evict. */
    private final LinkedHashSet<Mapping> byAge = new LinkedHashSet<>();
    private final PriorityQueue<Mapping> byExpiry =
            new PriorityQueue<>(BY_QUEUED_TIME);
    private final Map<Integer, Integer> pairedAddress = new HashMap<>();
    /** Mappings granted by the port-mapping service, by packed internal and by packed external endpoint. */
    private final Map<Long, Mapping> grantedByInternal = new HashMap<>();
    private final Map<Long, Mapping> grantedByExternal = new HashMap<>();
    private final int[] sequentialCursor;
    private long serial;
    private long lastNow = Long.MIN_VALUE;
    private int peakMappings;

    /**
     * @param externalIps the NAT's own public addresses (ignored by {@link NatMode#FIREWALL},
     *     {@link NatMode#OPEN} and {@link NatMode#UDP_BLOCKED}, which never translate)
     * @param random the NAT's seeded stream, the only source of its random choices
     */
    public NatTable(NatBehaviour behaviour, List<Integer> externalIps, UniformRandomProvider random) {
        this(behaviour, toArray(externalIps), random);
    }

    /** The same, with the addresses as an array (copied), as a network node holds them. */
    NatTable(NatBehaviour behaviour, int[] externalIps, UniformRandomProvider random) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.random = Objects.requireNonNull(random, "random");
        this.externalIps = externalIps.clone();
        if (behaviour.mode() == NatMode.TRANSLATE && this.externalIps.length == 0) {
            throw new IllegalArgumentException("a translating NAT needs at least one external address");
        }
        this.sequentialCursor = new int[Math.max(1, this.externalIps.length)];
        Arrays.fill(sequentialCursor, behaviour.ports().low());
    }

    private static int[] toArray(List<Integer> ips) {
        int[] array = new int[ips.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = ips.get(i);
        }
        return array;
    }

    public NatBehaviour behaviour() {
        return behaviour;
    }

    /** The stream the table draws from. */
    UniformRandomProvider random() {
        return random;
    }

    /** Whether {@code ip} is one of this NAT's external addresses. */
    public boolean ownsAddress(int ip) {
        // Split in two to fit the launcher's inlining budget: asked of every datagram a NAT takes.
        return behaviour.mode() == NatMode.TRANSLATE && isExternal(ip);
    }

    private boolean isExternal(int ip) {
        for (int own : externalIps) {
            if (own == ip) {
                return true;
            }
        }
        return false;
    }

    /**
     * A datagram from inside, from {@code internalSource} to {@code destination}.
     *
     * @return the addresses to send it on with, or why it is dropped; a hairpinned datagram comes
     *     back with an internal destination and {@link NatVerdict.Pass#hairpin()} set
     */
    public NatVerdict outbound(long now, Endpoint internalSource, Endpoint destination) {
        advance(now);
        switch (behaviour.mode()) {
            case UDP_BLOCKED:
                return BLOCKED;
            case OPEN:
                return new NatVerdict.Pass(internalSource, destination, false);
            case FIREWALL:
                return firewallOutbound(now, internalSource, destination);
            case TRANSLATE:
            default:
                break;
        }
        boolean toSelf = ownsAddress(destination.ip());
        if (toSelf && !behaviour.hairpinning()) {
            return NO_ROUTE;
        }
        long local = pack(internalSource);
        long scope = mappingScope(destination);
        Mapping mapping = byInternal.get(local, scope);
        if (mapping == null && !grantedByInternal.isEmpty()) {
            // A flow that had no mapping of its own before the grant leaves through the granted one.
            mapping = grantedByInternal.get(local);
        }
        if (mapping == null) {
            mapping = create(now, internalSource, destination, new FlowKey(local, scope));
            if (mapping == null) {
                return NO_MAPPING;
            }
        } else {
            refresh(mapping, now);
        }
        mapping.permit(behaviour.filtering(), destination);
        if (!toSelf) {
            return mapping.outTo(destination);
        }
        // RFC 4787 REQ-9: the looped datagram carries the sender's external source endpoint.
        NatVerdict inside = inbound(now, mapping.external, destination);
        if (inside instanceof NatVerdict.Pass pass) {
            return new NatVerdict.Pass(pass.source(), pass.destination(), true);
        }
        return inside;
    }

    /**
     * A datagram from outside, from {@code remoteSource} to {@code externalDestination}.
     *
     * @return the internal destination, or why it is dropped ({@code FILTERED} when no live mapping
     *     lets this source in)
     */
    public NatVerdict inbound(long now, Endpoint remoteSource, Endpoint externalDestination) {
        advance(now);
        switch (behaviour.mode()) {
            case UDP_BLOCKED:
                return BLOCKED;
            case OPEN:
                return new NatVerdict.Pass(remoteSource, externalDestination, false);
            default:
                break;
        }
        long local = pack(externalDestination);
        if (!grantedByExternal.isEmpty()) {
            Mapping granted = grantedByExternal.get(local);
            if (granted != null) {
                // A granted mapping is a port forwarding: every remote gets in.
                return new NatVerdict.Pass(remoteSource, granted.internal, false);
            }
        }
        long scope = externalScope(remoteSource);
        Mapping mapping = byExternal.get(local, scope);
        if (mapping == null) {
            if (behaviour.inboundCreatesEntry()) {
                reserve(now, remoteSource, externalDestination, new FlowKey(local, scope));
            }
            return FILTERED;
        }
        if (mapping.internal == null) {
            // A conntrack entry of an earlier unsolicited packet: it keeps living, the packet does not pass.
            if (behaviour.lifetime().inboundRefresh()) {
                refresh(mapping, now);
            }
            return FILTERED;
        }
        if (!mapping.permits(behaviour.filtering(), remoteSource)) {
            return FILTERED;
        }
        mapping.replied = true;
        if (behaviour.lifetime().inboundRefresh()) {
            refresh(mapping, now);
        }
        return mapping.inFrom(remoteSource);
    }

    /**
     * What the port-mapping service answers an inside host that asks for a mapping of
     * {@code internal}: an endpoint-independent mapping with endpoint-independent filtering, whatever
     * the NAT's own mapping and filtering, on the inside port when no flow uses it on the external
     * address (else a port drawn as the NAT allocates). Asking again returns the same mapping. It
     * lives until the NAT loses its mappings; it does not count against the cap.
     *
     * @return the external endpoint, or null when the NAT offers no service, does not translate or
     *     has no free port
     */
    public Endpoint grantMapping(long now, Endpoint internal) {
        advance(now);
        if (!behaviour.portMapping().offered() || behaviour.mode() != NatMode.TRANSLATE) {
            return null;
        }
        long local = pack(internal);
        Mapping granted = grantedByInternal.get(local);
        if (granted != null) {
            return granted.external;
        }
        granted = behaviour.mapping() == MappingBehaviour.ENDPOINT_INDEPENDENT ? byInternal.get(local, FlowKey.ANY) : null;
        if (granted == null) {
            int index = serviceAddressIndex(internal.ip());
            int port = internal.port() > 0 && portUnused(index, internal.port()) ? internal.port() : 0;
            PortRange range = behaviour.ports();
            for (int tries = 0; port == 0 && tries < range.size(); tries++) {
                int candidate = range.low() + random.nextInt(range.size());
                if (portUnused(index, candidate)) {
                    port = candidate;
                }
            }
            if (port == 0) {
                return null;
            }
            Endpoint external = new Endpoint(externalIps[index], port);
            granted = new Mapping(serial++, internal, external, null, new FlowKey(pack(external), FlowKey.ANY));
        }
        // An endpoint-independent NAT already maps the endpoint the same way toward everyone: the
        // grant keeps that mapping and opens its filter.
        granted.forwarded = true;
        granted.expiresAt = Long.MAX_VALUE;
        grantedByInternal.put(local, granted);
        grantedByExternal.put(pack(granted.external), granted);
        return granted.external;
    }

    /**
     * The external address the port-mapping service names to an inside host at {@code internalIp}
     * (NAT-PMP's external address answer): its paired address, or the first one with arbitrary
     * pooling, where granted mappings are made.
     */
    public int serviceAddress(int internalIp) {
        return externalIps.length == 0 ? 0 : externalIps[serviceAddressIndex(internalIp)];
    }

    private int serviceAddressIndex(int internalIp) {
        return behaviour.pooling() == Pooling.PAIRED ? externalAddressIndex(internalIp) : 0;
    }

    /** Whether no mapping, granted or not, uses this external port at all. */
    private boolean portUnused(int index, int port) {
        long external = pack(externalIps[index], port);
        if (grantedByExternal.containsKey(external)) {
            return false;
        }
        for (Mapping mapping : byAge) {
            if (pack(mapping.external) == external) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts the table over as a new one with {@code newBehaviour} on the same addresses and random
     * stream (reseeded by its owner), keeping its allocated indexes: a sweep runs the same NAT node
     * run after run, and building its tables again cost more than the packets through them.
     */
    void reset(NatBehaviour newBehaviour) {
        NatBehaviour checked = Objects.requireNonNull(newBehaviour, "behaviour");
        if (checked.mode() == NatMode.TRANSLATE && externalIps.length == 0) {
            throw new IllegalArgumentException("a translating NAT needs at least one external address");
        }
        dropAllMappings();
        behaviour = checked;
        Arrays.fill(sequentialCursor, checked.ports().low());
        serial = 0;
        lastNow = Long.MIN_VALUE;
        peakMappings = 0;
    }

    /** Forgets every mapping at once, as a reboot or an address change of the NAT does. */
    public void dropAllMappings() {
        grantedByInternal.clear();
        grantedByExternal.clear();
        byInternal.clear();
        byExternal.clear();
        // No mapping need be marked removed: the flag only tells the expiry queue's stale entries
        // apart, and the queue is emptied too.
        byAge.clear();
        byExpiry.clear();
        pairedAddress.clear();
        Arrays.fill(sequentialCursor, behaviour.ports().low());
    }

    /** Live mappings (and conntrack-style inbound entries) at {@code now}. */
    public int mappingCount(long now) {
        advance(now);
        return byAge.size();
    }

    /** The most mappings the table held at once so far: what a session costs the NAT's state. */
    public int peakMappings() {
        return peakMappings;
    }

    private NatVerdict firewallOutbound(long now, Endpoint internalSource, Endpoint destination) {
        // A firewall keeps addresses: the "mapping" is the identity, holding the filter's permissions.
        long local = pack(internalSource);
        Mapping mapping = byInternal.get(local, FlowKey.ANY);
        if (mapping == null) {
            if (!makeRoom()) {
                return NO_MAPPING;
            }
            FlowKey key = new FlowKey(local, FlowKey.ANY);
            mapping = new Mapping(serial++, internalSource, internalSource, key, key);
            insert(now, mapping);
        } else {
            refresh(mapping, now);
        }
        mapping.permit(behaviour.filtering(), destination);
        return new NatVerdict.Pass(internalSource, destination, false);
    }

    private Mapping create(long now, Endpoint internalSource, Endpoint destination, FlowKey key) {
        if (!makeRoom()) {
            return null;
        }
        Endpoint external = allocate(internalSource, destination);
        if (external == null) {
            return null;
        }
        FlowKey externalKey = new FlowKey(pack(external), externalScope(destination));
        Mapping mapping = new Mapping(serial++, internalSource, external, key, externalKey);
        insert(now, mapping);
        return mapping;
    }

    private void reserve(long now, Endpoint remoteSource, Endpoint externalDestination, FlowKey key) {
        if (!ownsAddress(externalDestination.ip()) || !makeRoom()) {
            return;
        }
        insert(now, new Mapping(serial++, null, externalDestination, null, key));
    }

    private boolean makeRoom() {
        if (byAge.size() < behaviour.maxMappings()) {
            return true;
        }
        if (behaviour.onCapReached() == CapPolicy.DROP_NEW) {
            return false;
        }
        Iterator<Mapping> oldest = byAge.iterator();
        remove(oldest.next());
        return true;
    }

    private void insert(long now, Mapping mapping) {
        if (mapping.internalKey != null) {
            byInternal.put(mapping.internalKey.local(), mapping.internalKey.remote(), mapping);
        }
        byExternal.put(mapping.externalKey.local(), mapping.externalKey.remote(), mapping);
        byAge.add(mapping);
        peakMappings = Math.max(peakMappings, byAge.size());
        mapping.expiresAt = now + lifetimeOf(mapping);
        mapping.queuedAt = mapping.expiresAt;
        byExpiry.add(mapping);
    }

    private void refresh(Mapping mapping, long now) {
        if (mapping.forwarded) {
            return;
        }
        // The queue entry keeps its old time; advance() re-queues it when that time comes.
        mapping.expiresAt = now + lifetimeOf(mapping);
    }

    private long lifetimeOf(Mapping mapping) {
        Lifetime lifetime = behaviour.lifetime();
        return mapping.replied ? lifetime.repliedNanos() : lifetime.unrepliedNanos();
    }

    private void advance(long now) {
        if (now < lastNow) {
            throw new IllegalArgumentException("time went backwards: " + now + " < " + lastNow);
        }
        lastNow = now;
        ArrayDeque<Mapping> requeue = null;
        while (!byExpiry.isEmpty() && byExpiry.peek().queuedAt <= now) {
            Mapping mapping = byExpiry.poll();
            if (mapping.removed) {
                continue;
            }
            if (mapping.expiresAt > now) {
                if (requeue == null) {
                    requeue = new ArrayDeque<>();
                }
                requeue.add(mapping);
            } else {
                remove(mapping);
            }
        }
        if (requeue != null) {
            for (Mapping mapping : requeue) {
                mapping.queuedAt = mapping.expiresAt;
                byExpiry.add(mapping);
            }
        }
    }

    private void remove(Mapping mapping) {
        mapping.removed = true;
        if (mapping.internalKey != null) {
            byInternal.remove(mapping.internalKey.local(), mapping.internalKey.remote(), mapping);
        }
        byExternal.remove(mapping.externalKey.local(), mapping.externalKey.remote(), mapping);
        byAge.remove(mapping);
    }

    private Endpoint allocate(Endpoint internalSource, Endpoint destination) {
        int first = externalAddressIndex(internalSource.ip());
        int candidates = behaviour.pooling() == Pooling.PAIRED ? 1 : externalIps.length;
        for (int i = 0; i < candidates; i++) {
            int index = (first + i) % externalIps.length;
            int port = allocatePort(behaviour.allocation(), index, internalSource.port(), destination);
            if (port > 0) {
                return new Endpoint(externalIps[index], port);
            }
        }
        return null;
    }

    private int externalAddressIndex(int internalIp) {
        if (externalIps.length == 1) {
            return 0;
        }
        if (behaviour.pooling() == Pooling.PAIRED) {
            return pairedAddress.computeIfAbsent(internalIp, ip -> random.nextInt(externalIps.length));
        }
        return random.nextInt(externalIps.length);
    }

    /** @return a free port on the address at {@code index}, or 0 when there is none */
    private int allocatePort(PortAllocation allocation, int index, int internalPort, Endpoint destination) {
        PortRange range = behaviour.ports();
        if (allocation instanceof PortAllocation.Preserve preserve) {
            if (internalPort > 0 && isFree(index, internalPort, destination)) {
                return internalPort;
            }
            return allocatePort(preserve.fallback(), index, internalPort, destination);
        }
        if (allocation instanceof PortAllocation.Sequential sequential) {
            for (int tries = 0; tries < range.size(); tries++) {
                int port = sequentialCursor[index];
                sequentialCursor[index] = range.low() + (port - range.low() + sequential.step()) % range.size();
                if (isFree(index, port, destination)) {
                    return port;
                }
            }
            return 0;
        }
        for (int tries = 0; tries < RANDOM_TRIES; tries++) {
            int port = range.low() + random.nextInt(range.size());
            if (isFree(index, port, destination)) {
                return port;
            }
        }
        // A nearly full range: scan from a random point so the answer is still found when one exists.
        int start = random.nextInt(range.size());
        for (int offset = 0; offset < range.size(); offset++) {
            int port = range.low() + (start + offset) % range.size();
            if (isFree(index, port, destination)) {
                return port;
            }
        }
        return 0;
    }

    private boolean isFree(int index, int port, Endpoint destination) {
        long external = pack(externalIps[index], port);
        if (!grantedByExternal.isEmpty() && grantedByExternal.containsKey(external)) {
            return false;
        }
        return !byExternal.containsKey(external, externalScope(destination));
    }

    private long mappingScope(Endpoint destination) {
        return switch (behaviour.mapping()) {
            case ENDPOINT_INDEPENDENT -> FlowKey.ANY;
            case ADDRESS_DEPENDENT -> FlowKey.ADDRESS_ONLY | ((destination.ip() & 0xFFFF_FFFFL) << 16);
            case ADDRESS_AND_PORT_DEPENDENT -> pack(destination);
        };
    }

    private long externalScope(Endpoint remote) {
        return behaviour.portReuse() == PortReuse.PER_REMOTE_ENDPOINT ? pack(remote) : FlowKey.ANY;
    }

    static long pack(Endpoint endpoint) {
        return pack(endpoint.ip(), endpoint.port());
    }

    static long pack(int ip, int port) {
        return ((ip & 0xFFFF_FFFFL) << 16) | port;
    }

    /** A local endpoint (packed) and the remote part that scopes it. */
    private record FlowKey(long local, long remote) {
        static final long ANY = -1L;
        /** Marks a remote scope that holds an address without a port (bit 48, above any packed endpoint). */
        static final long ADDRESS_ONLY = 1L << 48;
    }

    /** One mapping, or a conntrack-style entry left by an unsolicited inbound packet (no internal side). */
    private static final class Mapping {
        final long serial;
        final Endpoint internal;
        final Endpoint external;
        final FlowKey internalKey;
        final FlowKey externalKey;
        /** Remote addresses (ADF) or packed endpoints (APDF) this mapping has sent to. */
        final PermissionSet permissions = new PermissionSet();
        long expiresAt;
        long queuedAt;
        boolean replied;
        /** Granted by the port-mapping service: every remote gets in, and it never expires. */
        boolean forwarded;
        boolean removed;
        /**
         * The last verdict the mapping gave each way. A flow's datagrams mostly repeat the one before
         * (retransmissions, pings, attempts, keepalives), and a verdict is immutable, so it is made
         * again only when the remote changes.
         */
        private NatVerdict.Pass lastOut;
        private NatVerdict.Pass lastIn;

        Mapping(long serial, Endpoint internal, Endpoint external, FlowKey internalKey, FlowKey externalKey) {
            this.serial = serial;
            this.internal = internal;
            this.external = external;
            this.internalKey = internalKey;
            this.externalKey = externalKey;
        }

        /** Out through this mapping to {@code destination}. */
        NatVerdict.Pass outTo(Endpoint destination) {
            NatVerdict.Pass pass = lastOut;
            if (pass == null || !pass.destination().equals(destination)) {
                lastOut = pass = new NatVerdict.Pass(external, destination, false);
            }
            return pass;
        }

        /** In through this mapping from {@code remote}. */
        NatVerdict.Pass inFrom(Endpoint remote) {
            NatVerdict.Pass pass = lastIn;
            if (pass == null || !pass.source().equals(remote)) {
                lastIn = pass = new NatVerdict.Pass(remote, internal, false);
            }
            return pass;
        }

        void permit(FilteringBehaviour filtering, Endpoint remote) {
            switch (filtering) {
                case ENDPOINT_INDEPENDENT -> { }
                case ADDRESS_DEPENDENT -> permissions.add(remote.ip() & 0xFFFF_FFFFL);
                case ADDRESS_AND_PORT_DEPENDENT -> permissions.add(pack(remote));
            }
        }

        boolean permits(FilteringBehaviour filtering, Endpoint remote) {
            return switch (filtering) {
                case ENDPOINT_INDEPENDENT -> true;
                case ADDRESS_DEPENDENT -> permissions.contains(remote.ip() & 0xFFFF_FFFFL);
                case ADDRESS_AND_PORT_DEPENDENT -> permissions.contains(pack(remote));
            };
        }
    }
}
