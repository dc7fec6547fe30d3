package io.punchsim.protocol.cloud;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.signal.SignalChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cloud keeps for one remote endpoint: its signalling channel, when it was last heard
 * from, and the sessions it created or joined as client. It goes when it falls silent for the
 * member lifetime, or (while it is no member) when the table is full and it is the longest silent.
 */
final class Remote {

    final Endpoint endpoint;
    final SignalChannel channel;
    long lastHeard;
    /**
     * Joined a session, echoing a session id that was sent to this endpoint: it has shown that it
     * receives what is sent to it, so it is no reflector's victim.
     */
    boolean member;
    /** Removed from the cloud's tables: nothing more is sent to it. */
    boolean gone;
    final List<Session> sessions = new ArrayList<>(1);
    /** The session a JoinRandom last handed this endpoint, if any. */
    Session reserved;

    Remote(Endpoint endpoint, SignalChannel channel, long now) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.lastHeard = now;
    }
}
