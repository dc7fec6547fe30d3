package io.punchsim.protocol.event;

/**
 * The steps of the connection process, numbered as in the spec: H1–H11 for the host's session
 * set-up, C1–C11 for the client's, K1–K13 for connecting and the game phase.
 */
public enum Step {
    H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11,
    C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11,
    K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, K11, K12, K13
}
