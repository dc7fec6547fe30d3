package io.punchsim.protocol.wire;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Custom session properties. Sorted, so a message always encodes to the same bytes (a hash map's
 * order would change from run to run and break determinism).
 */
public record Props(SortedMap<String, String> entries) {

    /** At most this many entries, each key and value at most 255 UTF-8 bytes. */
    public static final int MAX_ENTRIES = 255;

    public static final Props EMPTY = new Props(new TreeMap<>());

    /** The properties that mark a session as client-server mode. */
    public static final Props CLIENT_SERVER = Props.of(Map.of("mode", "ClientServer"));

    public Props {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("too many properties: " + entries.size());
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            checkLength(e.getKey());
            checkLength(e.getValue());
        }
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public static Props of(Map<String, String> map) {
        return new Props(new TreeMap<>(map));
    }

    public String get(String key) {
        return entries.get(key);
    }

    /** Bytes of the wire encoding: a count byte, then per entry two length bytes, key and value. */
    public int encodedLength() {
        return encodedLength(entries);
    }

    /**
     * The wire length {@code entries} would have as properties, for checking a limit before a
     * {@code Props} (which refuses more than {@link #MAX_ENTRIES}) is made of them.
     */
    public static int encodedLength(Map<String, String> entries) {
        int size = 1;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            size += 2 + utf8Length(e.getKey()) + utf8Length(e.getValue());
        }
        return size;
    }

    /** The length of {@code s} in UTF-8, counted without encoding it (an unpaired surrogate encodes as '?'). */
    static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static void checkLength(String s) {
        if (utf8Length(s) > 255) {
            throw new IllegalArgumentException("property longer than 255 bytes: " + s);
        }
    }
}
