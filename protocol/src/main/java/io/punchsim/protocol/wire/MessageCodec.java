package io.punchsim.protocol.wire;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message.*;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes and decodes our own messages. Layout: magic {@code 0x5053} ("PS"), version, type code, then
 * the fields in big-endian order (see the protocol README for the byte table).
 *
 * <p>Decoding never throws and never allocates more than the input's length: every length prefix
 * is checked against the bytes that remain before anything is allocated.
 */
public final class MessageCodec {

    public static final int MAGIC = 0x5053;
    public static final int VERSION = 2;
    public static final int HEADER_LENGTH = 4;

    private MessageCodec() {}

    public static byte[] encode(Message message) {
        // One branch per type, the commonest first; each sizes its message exactly and writes its
        // fields into that one array, each put returning where the next field starts.
        if (message instanceof Ack m) {
            byte[] b = header(MessageType.ACK);
            return done(b, u32(b, HEADER_LENGTH, m.seq()));
        } else if (message instanceof Ping m) {
            byte[] b = header(MessageType.PING);
            return done(b, u32(b, u32(b, HEADER_LENGTH, m.sessionId()), m.count()));
        } else if (message instanceof ConnectRequest m) {
            return attempt(MessageType.CONNECT_REQUEST, m.sessionId(), m.attempt(), m.nonce());
        } else if (message instanceof ConnectAccept m) {
            return attempt(MessageType.CONNECT_ACCEPT, m.sessionId(), m.attempt(), m.nonce());
        } else if (message instanceof Relay m) {
            return encodeRelay(m.sessionId(), m.peerId(), m.payload());
        } else if (message instanceof Keepalive m) {
            byte[] b = header(MessageType.KEEPALIVE);
            return done(b, u32(b, u32(b, HEADER_LENGTH, m.sessionId()), m.peerId()));
        } else if (message instanceof GameUpdate m) {
            byte[] b = header(MessageType.GAME_UPDATE);
            return done(b, u64(b, u32(b, u32(b, HEADER_LENGTH, m.sessionId()), m.tick()), m.sentAtNanos()));
        } else if (message instanceof GameEcho m) {
            byte[] b = header(MessageType.GAME_ECHO);
            return done(b, u64(b, u32(b, u32(b, HEADER_LENGTH, m.sessionId()), m.tick()), m.sentAtNanos()));
        } else if (message instanceof BirthdayProbe m) {
            byte[] b = header(MessageType.BIRTHDAY_PROBE);
            return done(b, u64(b, u32(b, HEADER_LENGTH, m.sessionId()), m.nonce()));
        } else if (message instanceof BirthdayHint m) {
            byte[] b = header(MessageType.BIRTHDAY_HINT, 13);
            return done(b, u64(b, u8(b, u32(b, HEADER_LENGTH, m.sessionId()), m.hard() ? 1 : 0), m.nonce()));
        } else if (message instanceof CreateSession m) {
            byte[] b = header(MessageType.CREATE_SESSION, 4 + propsSize(m.props()));
            return done(b, props(b, u32(b, HEADER_LENGTH, m.seq()), m.props()));
        } else if (message instanceof SessionCreated m) {
            return twoNumbers(MessageType.SESSION_CREATED, m.seq(), m.sessionId());
        } else if (message instanceof JoinRandom m) {
            return oneNumber(MessageType.JOIN_RANDOM, m.seq());
        } else if (message instanceof SessionFound m) {
            return twoNumbers(MessageType.SESSION_FOUND, m.seq(), m.sessionId());
        } else if (message instanceof NoSession m) {
            return oneNumber(MessageType.NO_SESSION, m.seq());
        } else if (message instanceof JoinRequest m) {
            byte[] b = header(MessageType.JOIN_REQUEST, 9 + propsSize(m.props()));
            int at = u32(b, u32(b, HEADER_LENGTH, m.seq()), m.sessionId());
            return done(b, props(b, u8(b, at, m.role().code()), m.props()));
        } else if (message instanceof JoinAck m) {
            byte[] b = header(MessageType.JOIN_ACK);
            int at = u32(b, u32(b, u32(b, HEADER_LENGTH, m.seq()), m.sessionId()), m.peerId());
            return done(b, u64(b, at, m.nonce()));
        } else if (message instanceof Start m) {
            return twoNumbers(MessageType.START, m.seq(), m.sessionId());
        } else if (message instanceof AddressReport m) {
            byte[] b = header(MessageType.ADDRESS_REPORT);
            int at = u32(b, u32(b, u32(b, HEADER_LENGTH, m.seq()), m.sessionId()), m.peerId());
            return done(b, endpoint(b, endpoint(b, at, m.local()), m.reflexive()));
        } else if (message instanceof PeerAddresses m) {
            byte[] b = header(MessageType.PEER_ADDRESSES);
            int at = u32(b, u32(b, HEADER_LENGTH, m.seq()), m.sessionId());
            return done(b, u64(b, endpoint(b, endpoint(b, at, m.reflexive()), m.local()), m.nonce()));
        } else if (message instanceof Leave m) {
            byte[] b = header(MessageType.LEAVE);
            return done(b, u32(b, u32(b, u32(b, HEADER_LENGTH, m.seq()), m.sessionId()), m.peerId()));
        } else if (message instanceof SessionClosed m) {
            return twoNumbers(MessageType.SESSION_CLOSED, m.seq(), m.sessionId());
        } else if (message instanceof SessionFull m) {
            return oneNumber(MessageType.SESSION_FULL, m.seq());
        }
        throw new IllegalArgumentException("no encoding for " + message);
    }

    private static byte[] oneNumber(MessageType type, int first) {
        byte[] b = header(type);
        return done(b, u32(b, HEADER_LENGTH, first));
    }

    private static byte[] twoNumbers(MessageType type, int first, int second) {
        byte[] b = header(type);
        return done(b, u32(b, u32(b, HEADER_LENGTH, first), second));
    }

    /** A connect request or accept: session, attempt, nonce. */
    private static byte[] attempt(MessageType type, int sessionId, int attempt, long nonce) {
        byte[] b = header(type);
        return done(b, u64(b, u16(b, u32(b, HEADER_LENGTH, sessionId), attempt), nonce));
    }

    /**
     * An array for a message of {@code type} with a body of {@code bodyLength} bytes, its header
     * written. Fields are put with the static writers below rather than through a writer object: a
     * sweep encodes tens of messages per run, and a writer per message was an allocation each.
     */
    private static byte[] header(MessageType type, int bodyLength) {
        byte[] b = new byte[HEADER_LENGTH + bodyLength];
        u8(b, u8(b, u16(b, 0, MAGIC), VERSION), type.code());
        return b;
    }

    /** An array for a message of a numbers-only type, whose body length {@link #FIXED_BODY_LENGTH} holds. */
    private static byte[] header(MessageType type) {
        return header(type, fixedBodyLength(type));
    }

    /** Hands over a message's array, written exactly to its end: anything else is a sizing bug. */
    private static byte[] done(byte[] b, int end) {
        if (end != b.length) {
            throw new IllegalStateException("message sized " + b.length + " bytes, wrote " + end);
        }
        return b;
    }

    /** Wraps a peer message for the relay without copying the inner bytes twice. */
    public static byte[] encodeRelay(int sessionId, int peerId, byte[] inner) {
        byte[] b = header(MessageType.RELAY, 10 + inner.length);
        int at = u16(b, u32(b, u32(b, HEADER_LENGTH, sessionId), peerId), inner.length);
        System.arraycopy(inner, 0, b, at, inner.length);
        return done(b, at + inner.length);
    }

    // Each writes one big-endian field at {@code at} and returns the offset just past it.

    private static int u8(byte[] b, int at, int v) {
        b[at] = (byte) v;
        return at + 1;
    }

    private static int u16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
        return at + 2;
    }

    // Numbers are written and read as 16-bit halves: each method then fits the launcher's inlining
    // budget (35 bytes of bytecode), so a message's fields cost no calls once compiled.
    private static int u32(byte[] b, int at, int v) {
        return u16(b, u16(b, at, v >>> 16), v);
    }

    private static int u64(byte[] b, int at, long v) {
        return u32(b, u32(b, at, (int) (v >>> 32)), (int) v);
    }

    private static int endpoint(byte[] b, int at, Endpoint e) {
        return u16(b, u32(b, at, e.ip()), e.port());
    }

    private static int props(byte[] b, int at, Props props) {
        int next = u8(b, at, props.entries().size());
        for (Map.Entry<String, String> e : props.entries().entrySet()) {
            byte[] k = utf8(e.getKey());
            byte[] v = utf8(e.getValue());
            next = u8(b, next, k.length);
            System.arraycopy(k, 0, b, next, k.length);
            next = u8(b, next + k.length, v.length);
            System.arraycopy(v, 0, b, next, v.length);
            next += v.length;
        }
        return next;
    }

    private static int propsSize(Props props) {
        return props.encodedLength();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static Decoded decode(byte[] data) {
        if (data.length < HEADER_LENGTH) {
            return malformed(DecodeError.SHORT, data.length + " bytes");
        }
        int magic = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        if (magic != MAGIC) {
            return malformed(DecodeError.WRONG_MAGIC, Integer.toHexString(magic));
        }
        int version = data[2] & 0xFF;
        if (version != VERSION) {
            return malformed(DecodeError.UNSUPPORTED_VERSION, Integer.toString(version));
        }
        MessageType type = MessageType.ofCode(data[3] & 0xFF);
        if (type == null) {
            return malformed(DecodeError.UNKNOWN_TYPE, Integer.toString(data[3] & 0xFF));
        }
        Message fixed = data.length == HEADER_LENGTH + fixedBodyLength(type) ? fixed(type, data) : null;
        if (fixed != null) {
            return new Decoded.Ok(fixed);
        }
        Reader r = new Reader(data, HEADER_LENGTH);
        Message message = switch (type) {
            case CREATE_SESSION -> {
                int seq = r.u32();
                Props props = r.props();
                yield new CreateSession(seq, props);
            }
            case SESSION_CREATED -> new SessionCreated(r.u32(), r.u32());
            case JOIN_RANDOM -> new JoinRandom(r.u32());
            case SESSION_FOUND -> new SessionFound(r.u32(), r.u32());
            case NO_SESSION -> new NoSession(r.u32());
            case JOIN_REQUEST -> {
                int seq = r.u32();
                int session = r.u32();
                PeerRole role = r.role();
                Props props = r.props();
                yield new JoinRequest(seq, session, role, props);
            }
            case JOIN_ACK -> new JoinAck(r.u32(), r.u32(), r.u32(), r.u64());
            case START -> new Start(r.u32(), r.u32());
            case ADDRESS_REPORT -> new AddressReport(r.u32(), r.u32(), r.u32(), r.endpoint(), r.endpoint());
            case PEER_ADDRESSES -> new PeerAddresses(r.u32(), r.u32(), r.endpoint(), r.endpoint(), r.u64());
            case LEAVE -> new Leave(r.u32(), r.u32(), r.u32());
            case SESSION_CLOSED -> new SessionClosed(r.u32(), r.u32());
            case SESSION_FULL -> new SessionFull(r.u32());
            case ACK -> new Ack(r.u32());
            case KEEPALIVE -> new Keepalive(r.u32(), r.u32());
            case RELAY -> new Relay(r.u32(), r.u32(), r.lengthPrefixed16());
            case PING -> new Ping(r.u32(), r.u32());
            case CONNECT_REQUEST -> new ConnectRequest(r.u32(), r.u16(), r.u64());
            case CONNECT_ACCEPT -> new ConnectAccept(r.u32(), r.u16(), r.u64());
            case GAME_UPDATE -> new GameUpdate(r.u32(), r.u32(), r.u64());
            case GAME_ECHO -> new GameEcho(r.u32(), r.u32(), r.u64());
            case BIRTHDAY_HINT -> new BirthdayHint(r.u32(), r.flag(), r.u64());
            case BIRTHDAY_PROBE -> new BirthdayProbe(r.u32(), r.u64());
        };
        if (r.error != null) {
            return malformed(r.error, type + " at byte " + r.errorAt);
        }
        if (r.pos != data.length) {
            return malformed(DecodeError.TRAILING_BYTES, (data.length - r.pos) + " after " + type);
        }
        return new Decoded.Ok(message);
    }

    /**
     * The body length of a type whose body is numbers only, which can then be neither truncated nor
     * invalid once the whole message has exactly that length; -1 for the others.
     */
    private static int fixedBodyLength(MessageType type) {
        return FIXED_BODY_LENGTH[type.ordinal()];
    }

    private static final int[] FIXED_BODY_LENGTH = new int[MessageType.values().length];

    static {
        for (MessageType type : MessageType.values()) {
            FIXED_BODY_LENGTH[type.ordinal()] = switch (type) {
                case ACK, JOIN_RANDOM, NO_SESSION, SESSION_FULL -> 4;
                case PING, KEEPALIVE, SESSION_CREATED, SESSION_FOUND, START, SESSION_CLOSED -> 8;
                case LEAVE -> 12;
                case CONNECT_REQUEST, CONNECT_ACCEPT -> 14;
                case BIRTHDAY_PROBE -> 12;
                case GAME_UPDATE, GAME_ECHO -> 16;
                case JOIN_ACK -> 20;
                case ADDRESS_REPORT -> 24;
                case PEER_ADDRESSES -> 28;
                default -> -1;
            };
        }
    }

    /**
     * The commonest messages, read without a {@link Reader}: the length is right, so every field is
     * there, and nothing in them can be out of range. The same messages as the checked path reads.
     */
    private static Message fixed(MessageType type, byte[] d) {
        int at = HEADER_LENGTH;
        return switch (type) {
            case ACK -> new Ack(u32(d, at));
            case JOIN_RANDOM -> new JoinRandom(u32(d, at));
            case NO_SESSION -> new NoSession(u32(d, at));
            case SESSION_FULL -> new SessionFull(u32(d, at));
            case PING -> new Ping(u32(d, at), u32(d, at + 4));
            case KEEPALIVE -> new Keepalive(u32(d, at), u32(d, at + 4));
            case SESSION_CREATED -> new SessionCreated(u32(d, at), u32(d, at + 4));
            case SESSION_FOUND -> new SessionFound(u32(d, at), u32(d, at + 4));
            case START -> new Start(u32(d, at), u32(d, at + 4));
            case SESSION_CLOSED -> new SessionClosed(u32(d, at), u32(d, at + 4));
            case LEAVE -> new Leave(u32(d, at), u32(d, at + 4), u32(d, at + 8));
            case CONNECT_REQUEST -> new ConnectRequest(u32(d, at), u16(d, at + 4), u64(d, at + 6));
            case CONNECT_ACCEPT -> new ConnectAccept(u32(d, at), u16(d, at + 4), u64(d, at + 6));
            case GAME_UPDATE -> new GameUpdate(u32(d, at), u32(d, at + 4), u64(d, at + 8));
            case GAME_ECHO -> new GameEcho(u32(d, at), u32(d, at + 4), u64(d, at + 8));
            case BIRTHDAY_PROBE -> new BirthdayProbe(u32(d, at), u64(d, at + 4));
            case JOIN_ACK -> new JoinAck(u32(d, at), u32(d, at + 4), u32(d, at + 8), u64(d, at + 12));
            case ADDRESS_REPORT -> new AddressReport(u32(d, at), u32(d, at + 4), u32(d, at + 8),
                    endpoint(d, at + 12), endpoint(d, at + 18));
            case PEER_ADDRESSES -> new PeerAddresses(u32(d, at), u32(d, at + 4), endpoint(d, at + 8),
                    endpoint(d, at + 14), u64(d, at + 20));
            default -> null;
        };
    }

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    private static int u32(byte[] d, int at) {
        return (u16(d, at) << 16) | u16(d, at + 2);
    }

    private static long u64(byte[] d, int at) {
        return ((u32(d, at) & 0xFFFFFFFFL) << 32) | (u32(d, at + 4) & 0xFFFFFFFFL);
    }

    private static Endpoint endpoint(byte[] d, int at) {
        return new Endpoint(u32(d, at), u16(d, at + 4));
    }

    private static Decoded malformed(DecodeError error, String detail) {
        return new Decoded.Malformed(error, detail);
    }

    /** Reads big-endian fields; the first failure sticks and later reads return placeholders. */
    private static final class Reader {
        private final byte[] data;
        private int pos;
        private DecodeError error;
        private int errorAt;

        Reader(byte[] data, int pos) {
            this.data = data;
            this.pos = pos;
        }

        /** {@link #need} for a number: short input is {@link DecodeError#TRUNCATED}. */
        private boolean has(int n) {
            return need(n, DecodeError.TRUNCATED);
        }

        /** Whether {@code n} more bytes are there; if not, the first error stands as {@code kind}. */
        private boolean need(int n, DecodeError kind) {
            return error == null && data.length - pos >= n || fail(kind);
        }

        private boolean fail(DecodeError kind) {
            if (error == null) {
                error = kind;
                errorAt = pos;
            }
            return false;
        }

        int u8() {
            return has(1) ? data[pos++] & 0xFF : 0;
        }

        int u16() {
            if (!has(2)) {
                return 0;
            }
            int v = MessageCodec.u16(data, pos);
            pos += 2;
            return v;
        }

        int u32() {
            if (!has(4)) {
                return 0;
            }
            int v = MessageCodec.u32(data, pos);
            pos += 4;
            return v;
        }

        long u64() {
            long hi = u32() & 0xFFFFFFFFL;
            long lo = u32() & 0xFFFFFFFFL;
            return (hi << 32) | lo;
        }

        Endpoint endpoint() {
            int ip = u32();
            int port = u16();
            return new Endpoint(ip, port);
        }

        /** A byte that must be 0 or 1. */
        boolean flag() {
            int at = pos;
            int v = u8();
            if (error == null && v > 1) {
                error = DecodeError.BAD_VALUE;
                errorAt = at;
            }
            return v == 1;
        }

        PeerRole role() {
            int at = pos;
            int code = u8();
            if (error != null) {
                return PeerRole.HOST;
            }
            PeerRole role = PeerRole.ofCode(code);
            if (role == null) {
                error = DecodeError.BAD_VALUE;
                errorAt = at;
                return PeerRole.HOST;
            }
            return role;
        }

        byte[] lengthPrefixed16() {
            int n = u16();
            return take(n);
        }

        private byte[] take(int n) {
            if (!need(n, DecodeError.BAD_LENGTH)) {
                return new byte[0];
            }
            byte[] out = new byte[n];
            System.arraycopy(data, pos, out, 0, n);
            pos += n;
            return out;
        }

        /** A UTF-8 string of at most 255 bytes; bytes that are not valid UTF-8 are a bad value. */
        private String string8() {
            int at = pos;
            byte[] raw = take(u8());
            String s = new String(raw, StandardCharsets.UTF_8);
            // ASCII is valid UTF-8 and decodes one character per byte; anything else must encode
            // back to the very bytes it came from (a malformed sequence decodes to U+FFFD).
            if (error == null && !ascii(raw) && !java.util.Arrays.equals(utf8(s), raw)) {
                error = DecodeError.BAD_VALUE;
                errorAt = at;
            }
            return s;
        }

        private static boolean ascii(byte[] raw) {
            for (byte b : raw) {
                if (b < 0) {
                    return false;
                }
            }
            return true;
        }

        /** Entries in strictly ascending key order, so every message has exactly one encoding. */
        Props props() {
            int count = u8();
            if (count == 0) {
                // Most messages carry none: no map to build.
                return Props.EMPTY;
            }
            TreeMap<String, String> map = new TreeMap<>();
            String previous = null;
            for (int i = 0; i < count && error == null; i++) {
                int at = pos;
                String key = string8();
                String value = string8();
                if (error == null && previous != null && key.compareTo(previous) <= 0) {
                    error = DecodeError.BAD_VALUE;
                    errorAt = at;
                }
                map.put(key, value);
                previous = key;
            }
            return error != null ? Props.EMPTY : new Props(map);
        }
    }
}
