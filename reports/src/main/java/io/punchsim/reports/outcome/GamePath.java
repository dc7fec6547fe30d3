package io.punchsim.reports.outcome;

/** The path game updates took after the connection was made. */
public enum GamePath {
    DIRECT,
    RELAYED
}
