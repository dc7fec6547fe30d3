package io.punchsim.bench;

import io.punchsim.protocol.wire.Decoded;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.Message.*;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load test of the real cloud (bench/README.md "Cloud under load"): starts {@code serve-cloud}
 * and {@code serve-stun} as processes on loopback, creates {@code sessions} sessions from 100 fake
 * hosts on one IP address and keeps them alive with keepalives, floods the cloud with
 * garbage from another address while a real {@code punchsim host} and {@code join} connect, then
 * lets half the fake hosts vanish and waits their lifetime. Prints the cloud's resident set, heap
 * and tables at each stage.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.punchsim.bench.CloudLoadTest [JAR] [SESSIONS] [RATE] [SECONDS]
 * defaults: cli/target/punchsim.jar 10000 1000 60
 * </pre>
 */
public final class CloudLoadTest {

    private static final int SOCKETS = 100;
    private static final long KEEPALIVE_MS = 5_000;
    /** The cloud's member lifetime at its default (four keepalive intervals of 15 s). */
    private static final long LIFETIME_MS = 60_000;
    private static final Pattern SESSIONS = Pattern.compile("\"sessions\":(\\d+)");
    private static final Pattern OPEN = Pattern.compile("\"openSessions\":(\\d+)");
    private static final Pattern ENDPOINTS = Pattern.compile("\"endpoints\":(\\d+)");
    private static final Pattern LISTENING = Pattern.compile("\"listening\":\"([0-9.]+):(\\d+)\"");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final String jar;
    private final int sessions;
    private final int rate;
    private final int seconds;
    private final AtomicReference<String> lastStatus = new AtomicReference<>("");
    private Process cloud;
    private InetSocketAddress cloudAt;
    private InetSocketAddress stunAt;
    private final List<Fake> hosts = new ArrayList<>();
    private final long started = System.nanoTime();

    /** One fake host's socket: its next sequence number, and the sessions it created. */
    private static final class Fake {
        final DatagramSocket socket;
        int seq = 1;
        final List<Integer> ids = new ArrayList<>();
        boolean alive = true;

        Fake() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(1 << 20);
        }
    }

    private CloudLoadTest(String jar, int sessions, int rate, int seconds) {
        this.jar = jar;
        this.sessions = sessions;
        this.rate = rate;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "cli/target/punchsim.jar";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        if (!Files.isRegularFile(Path.of(jar))) {
            System.err.println("no " + jar + ": build it with ./mvnw -q -B -DskipTests -pl cli -am package");
            System.exit(2);
        }
        new CloudLoadTest(jar, sessions, rate, seconds).run();
    }

    private void run() throws Exception {
        Process stun = start("serve-stun", "--listen", "127.0.0.1:0");
        stunAt = listening(stun);
        Thread stunReader = new Thread(() -> readStatus(stun), "stun output");
        stunReader.setDaemon(true);
        stunReader.start();
        cloud = start("serve-cloud", "--listen", "127.0.0.1:0", "--sessions-per-source", Integer.toString(2 * sessions),
                "--reservations-per-source", Integer.toString(2 * SOCKETS), "--status-interval", "1s",
                "--step-lines-per-second", "0");
        cloudAt = listening(cloud);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.destroy();
            stun.destroy();
        }));
        Thread statusReader = new Thread(() -> readStatus(cloud), "status");
        statusReader.setDaemon(true);
        statusReader.start();
        try {
            report("started");
            for (int i = 0; i < SOCKETS; i++) {
                hosts.add(new Fake());
            }
            createSessions();
            report("created");
            Thread keepalive = new Thread(this::keepAlive, "keepalive");
            keepalive.setDaemon(true);
            keepalive.start();
            Thread.sleep(2_000);
            report("before flood");
            Thread flood = new Thread(this::flood, "flood");
            flood.start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) / 3);
            report("flood, 1/3");
            String outcome = realPair();
            report("flood, real pair done");
            flood.join();
            report("after flood");
            int vanished = 0;
            for (int i = 0; i < SOCKETS / 2; i++) {
                hosts.get(i).alive = false;
                vanished += hosts.get(i).ids.size();
            }
            long vanishedAt = System.nanoTime();
            System.out.println("real host and join: " + outcome);
            System.out.println("vanished hosts: " + SOCKETS / 2 + " sockets holding " + vanished + " sessions");
            Thread.sleep(LIFETIME_MS + LIFETIME_MS / 4 + 5_000);
            report("lifetime after the hosts vanished ("
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - vanishedAt) + " s)");
            jcmd(cloud.pid(), "GC.run");
            report("the same, after a full collection");
        } finally {
            cloud.destroy();
            stun.destroy();
            cloud.waitFor(10, TimeUnit.SECONDS);
            stun.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of("java", "-jar", jar));
        line.addAll(List.of(command));
        return new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Reads the process's output up to its first "listening" line. */
    private InetSocketAddress listening(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                readers.put(p, out);
                return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        throw new IOException("the process ended before it listened");
    }

    private final java.util.Map<Process, BufferedReader> readers = new java.util.concurrent.ConcurrentHashMap<>();

    private void readStatus(Process p) {
        BufferedReader out = readers.get(p);
        try {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.contains("\"sessions\"")) {
                    lastStatus.set(line);
                }
            }
        } catch (IOException e) {
            // the cloud ended
        }
    }

    /**
     * Creates the sessions from the host sockets. They are not joined: an open session would be
     * handed to the real join by its JoinRandom, and its fake host would never answer.
     */
    private void createSessions() throws IOException {
        int perSocket = sessions / SOCKETS;
        for (Fake h : hosts) {
            // In batches, and again for what got no answer (a burst can overflow the cloud's socket).
            for (int attempt = 0; attempt < 10 && h.ids.size() < perSocket; attempt++) {
                int missing = Math.min(25, perSocket - h.ids.size());
                for (int i = 0; i < missing; i++) {
                    send(h, MessageCodec.encode(new CreateSession(h.seq++, Props.CLIENT_SERVER)));
                }
                drain(h, missing, 1_000, m -> {
                    if (m instanceof SessionCreated c) {
                        h.ids.add(c.sessionId());
                    }
                    return m instanceof SessionCreated;
                });
            }
        }
        System.out.println("created: " + hosts.stream().mapToInt(h -> h.ids.size()).sum() + " sessions");
    }

    interface Wanted {
        boolean test(Message m);
    }

    /** Receives until {@code count} wanted messages came or {@code timeoutMs} passed, acknowledging every reliable one. */
    private void drain(Fake f, int count, long timeoutMs, Wanted wanted) throws IOException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        byte[] buffer = new byte[2048];
        int got = 0;
        while (got < count && System.nanoTime() < until) {
            f.socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                f.socket.receive(p);
            } catch (SocketTimeoutException e) {
                return;
            }
            Decoded d = MessageCodec.decode(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            if (d instanceof Decoded.Ok ok) {
                if (ok.message() instanceof Reliable r) {
                    send(f, MessageCodec.encode(new Ack(r.seq())));
                }
                if (wanted.test(ok.message())) {
                    got++;
                }
            }
        }
    }

    private void send(Fake f, byte[] payload) throws IOException {
        f.socket.send(new DatagramPacket(payload, payload.length, cloudAt));
    }

    /** Every live socket sends a keepalive every few seconds and acknowledges what the cloud sent it. */
    private void keepAlive() {
        try {
            while (true) {
                for (Fake f : hosts) {
                    if (f.alive) {
                        drain(f, Integer.MAX_VALUE, 1, m -> false);
                        send(f, MessageCodec.encode(new Keepalive(f.ids.isEmpty() ? 0 : f.ids.get(0), 1)));
                    }
                }
                Thread.sleep(KEEPALIVE_MS);
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    /** {@code rate} garbage datagrams a second for {@code seconds} from 127.0.0.2, from ever new ports. */
    private void flood() {
        SplittableRandom random = new SplittableRandom(12);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        long sent = 0;
        DatagramSocket socket = null;
        try {
            for (int i = 0; i < rate * seconds; i++) {
                if (i % 50 == 0) {
                    if (socket != null) {
                        socket.close();
                    }
                    socket = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0));
                }
                byte[] b = new byte[random.nextInt(1, 200)];
                random.nextBytes(b);
                if (random.nextBoolean() && b.length >= 4) {
                    // A valid header over a random body, so that the field decoders are reached.
                    b[0] = 0x50;
                    b[1] = 0x53;
                    b[2] = MessageCodec.VERSION;
                }
                socket.send(new DatagramPacket(b, b.length, cloudAt));
                sent++;
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("flood stopped: " + e);
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
        System.out.println("flood: " + sent + " datagrams");
    }

    /** A real host and join through the loaded cloud; their outcome lines. */
    private String realPair() throws Exception {
        String cloudFlag = "127.0.0.1:" + cloudAt.getPort();
        String stunFlag = "127.0.0.1:" + stunAt.getPort();
        Process host = start("host", "--cloud", cloudFlag, "--stun", stunFlag);
        Thread.sleep(1_500);
        Process join = start("join", "--cloud", cloudFlag, "--stun", stunFlag);
        String joinLast = lastLine(join);
        String hostLast = lastLine(host);
        return "join exit " + join.exitValue() + " " + outcomeOf(joinLast) + "; host exit " + host.exitValue()
                + " " + outcomeOf(hostLast);
    }

    private static String lastLine(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String last = "";
        for (String line; (line = out.readLine()) != null; ) {
            last = line;
        }
        p.waitFor(60, TimeUnit.SECONDS);
        return last;
    }

    private static String outcomeOf(String line) {
        Matcher outcome = Pattern.compile("\"outcome\":\"(\\w+)\"").matcher(line);
        Matcher reason = Pattern.compile("\"reason\":\"(\\w+)\"").matcher(line);
        return (outcome.find() ? outcome.group(1) : "?") + " (" + (reason.find() ? reason.group(1) : line) + ")";
    }

    /** One line of figures: the cloud's tables (its last status line), resident set and heap in use. */
    private void report(String stage) throws Exception {
        Thread.sleep(1_200);
        String status = lastStatus.get();
        long pid = cloud.pid();
        long rssKb = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        String heap = jcmd(pid, "GC.heap_info");
        // The first "used" of GC.heap_info is the whole heap's (G1, the default here).
        Matcher m = HEAP_USED.matcher(heap);
        long usedKb = m.find() ? Long.parseLong(m.group(1)) : -1;
        System.out.printf("%7.1f s  %-50s sessions %6s  open %5s  endpoints %6s  RSS %4d MB  heap used %4d MB%n",
                (System.nanoTime() - started) / 1e9, stage, group(SESSIONS, status), group(OPEN, status),
                group(ENDPOINTS, status), rssKb / 1024, usedKb / 1024);
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
