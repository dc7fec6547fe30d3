package io.punchsim.realnet.netns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small internet in network namespaces, built for one test and removed afterwards: a public
 * core (with the STUN server's two addresses and the cloud's), two Linux NAT routers joined to it
 * by veth pairs, and one inside machine behind each router. Every address lives inside these
 * namespaces (10.200.0.0/16); the root namespace is never touched.
 *
 * <pre>
 *   ha 10.200.11.2 -- lan 10.200.11.1 [ra] wan 10.200.1.2 -- toa 10.200.1.1 [core] tob 10.200.2.1 -- wan 10.200.2.2 [rb] lan 10.200.12.1 -- hb 10.200.12.2
 *                                                              lo: 10.200.0.1 (STUN), 10.200.0.2 (STUN alternate), 10.200.0.3 (cloud)
 * </pre>
 */
final class NatLab implements AutoCloseable {

    static final String STUN_IP = "10.200.0.1";
    static final String STUN_ALTERNATE_IP = "10.200.0.2";
    static final String CLOUD_IP = "10.200.0.3";
    static final String HOST_INSIDE = "10.200.11.2";
    static final String CLIENT_INSIDE = "10.200.12.2";
    static final String HOST_ROUTER_WAN = "10.200.1.2";
    static final String CLIENT_ROUTER_WAN = "10.200.2.2";
    /** The inside port both peers bind; the full-cone stand-in forwards it. */
    static final int PEER_PORT = 40000;

    /** The NAT rules of one router, applied to its outside interface. */
    enum Nat {
        /** {@code MASQUERADE}: keeps the inside port when it can; conntrack filters by exact flow. */
        MASQUERADE("linux-masquerade"),
        /** {@code MASQUERADE --random-fully}: a random outside port per flow. */
        MASQUERADE_RANDOM_FULLY("linux-masquerade-random-fully"),
        /** {@code MASQUERADE} plus a DNAT of the inside peer port: anyone may send to the mapping. */
        FULL_CONE("full-cone");

        final String preset;

        Nat(String preset) {
            this.preset = preset;
        }
    }

    private final String prefix = "psn" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
    private final List<String> created = new ArrayList<>();

    final String core = prefix + "-core";
    final String hostRouter = prefix + "-ra";
    final String clientRouter = prefix + "-rb";
    final String hostMachine = prefix + "-ha";
    final String clientMachine = prefix + "-hb";

    /** Why this machine cannot run the lab, or null if it can. */
    static String unavailableBecause() throws InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "network namespaces need root (run as root, as CI does)";
        }
        for (String tool : List.of("ip", "iptables", "conntrack")) {
            if (!Shell.onPath(tool)) {
                return "'" + tool + "' is not installed (packages iproute2, iptables, conntrack)";
            }
        }
        String probe = "psnprobe" + ProcessHandle.current().pid();
        try {
            Shell.check("ip", "netns", "add", probe);
            try {
                Shell.check("ip", "netns", "exec", probe, "iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "lo",
                        "-j", "MASQUERADE", "--random-fully");
                Shell.check("ip", "netns", "exec", probe, "iptables", "-t", "raw", "-A", "PREROUTING", "-j", "ACCEPT");
            } finally {
                Shell.run(List.of("ip", "netns", "del", probe));
            }
        } catch (IOException e) {
            return "cannot create a network namespace with iptables NAT here: " + e.getMessage().lines().findFirst().orElse("");
        }
        return null;
    }

    NatLab(Nat hostNat, Nat clientNat) throws IOException, InterruptedException {
        try {
            for (String ns : List.of(core, hostRouter, clientRouter, hostMachine, clientMachine)) {
                Shell.check("ip", "netns", "add", ns);
                created.add(ns);
                in(ns, "ip", "link", "set", "lo", "up");
            }
            link(core, "toa", "10.200.1.1/24", hostRouter, "wan", HOST_ROUTER_WAN + "/24");
            link(core, "tob", "10.200.2.1/24", clientRouter, "wan", CLIENT_ROUTER_WAN + "/24");
            link(hostRouter, "lan", "10.200.11.1/24", hostMachine, "eth0", HOST_INSIDE + "/24");
            link(clientRouter, "lan", "10.200.12.1/24", clientMachine, "eth0", CLIENT_INSIDE + "/24");
            for (String address : List.of(STUN_IP, STUN_ALTERNATE_IP, CLOUD_IP)) {
                in(core, "ip", "addr", "add", address + "/32", "dev", "lo");
            }
            in(hostRouter, "ip", "route", "add", "default", "via", "10.200.1.1");
            in(clientRouter, "ip", "route", "add", "default", "via", "10.200.2.1");
            in(hostMachine, "ip", "route", "add", "default", "via", "10.200.11.1");
            in(clientMachine, "ip", "route", "add", "default", "via", "10.200.12.1");
            for (String router : List.of(core, hostRouter, clientRouter)) {
                in(router, "sysctl", "-qw", "net.ipv4.ip_forward=1");
            }
            nat(hostRouter, hostNat, HOST_INSIDE);
            nat(clientRouter, clientNat, CLIENT_INSIDE);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The prefix that runs a command inside namespace {@code ns}. */
    static List<String> exec(String ns) {
        return List.of("ip", "netns", "exec", ns);
    }

    String in(String ns, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(exec(ns));
        full.addAll(List.of(command));
        return Shell.check(full.toArray(String[]::new));
    }

    private void link(String nsA, String nameA, String addressA, String nsB, String nameB, String addressB)
            throws IOException, InterruptedException {
        in(nsA, "ip", "link", "add", nameA, "type", "veth", "peer", "name", nameB, "netns", nsB);
        in(nsA, "ip", "addr", "add", addressA, "dev", nameA);
        in(nsB, "ip", "addr", "add", addressB, "dev", nameB);
        in(nsA, "ip", "link", "set", nameA, "up");
        in(nsB, "ip", "link", "set", nameB, "up");
    }

    private void nat(String router, Nat nat, String inside) throws IOException, InterruptedException {
        if (nat == Nat.MASQUERADE_RANDOM_FULLY) {
            in(router, "iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "wan", "-j", "MASQUERADE", "--random-fully");
        } else {
            in(router, "iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "wan", "-j", "MASQUERADE");
        }
        if (nat == Nat.FULL_CONE) {
            // Whatever arrives at the peer port from anywhere goes to the inside machine: EIF.
            in(router, "iptables", "-t", "nat", "-A", "PREROUTING", "-i", "wan", "-p", "udp", "--dport",
                    Integer.toString(PEER_PORT), "-j", "DNAT", "--to-destination", inside + ":" + PEER_PORT);
        }
    }

    /**
     * Drops, before conntrack sees them, datagrams arriving at {@code router} from {@code source}:
     * they leave the other NAT (which records its mapping) but never reach this one, as if still in
     * flight.
     */
    void holdInbound(String router, String source, boolean on) throws IOException, InterruptedException {
        in(router, "iptables", "-t", "raw", on ? "-A" : "-D", "PREROUTING", "-i", "wan", "-s", source, "-j", "DROP");
    }

    /**
     * Drops, inside {@code router}, datagrams from {@code inside} to {@code destination} before they
     * leave: the inside machine's first packets never leave its NAT, as if it started later.
     */
    void holdOutbound(String router, String inside, String destination, boolean on) throws IOException, InterruptedException {
        in(router, "iptables", "-t", "filter", on ? "-A" : "-D", "FORWARD", "-s", inside, "-d", destination, "-j", "DROP");
    }

    /** The UDP conntrack entries of {@code router} from {@code source} to {@code destination}. */
    List<String> conntrack(String router, String source, String destination) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(exec(router));
        full.addAll(List.of("conntrack", "-L", "-p", "udp", "--orig-src", source, "--orig-dst", destination));
        Shell.Result result = Shell.run(full);
        return result.output().lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("udp")).toList();
    }

    /** Removes every namespace this lab created (and with them their links, addresses and rules). */
    @Override
    public void close() throws IOException, InterruptedException {
        for (String ns : created) {
            Shell.run(List.of("ip", "netns", "del", ns));
        }
        created.clear();
    }
}
