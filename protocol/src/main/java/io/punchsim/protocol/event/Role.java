package io.punchsim.protocol.event;

/** The four roles of the connection process. */
public enum Role {
    HOST, CLIENT, CLOUD, STUN
}
