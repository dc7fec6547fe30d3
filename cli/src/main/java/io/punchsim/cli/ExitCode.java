package io.punchsim.cli;

/** The exit codes of every punchsim command, as documented in the README. */
public final class ExitCode {
    /** The work was done and every gate passed. */
    public static final int OK = 0;
    /** A gate failed, or {@code compare} found a significant regression. */
    public static final int GATE_FAILED = 1;
    /**
     * Bad input or usage: a scenario file with problems, a wrong option, reports that do not match
     * or one of them partial, an output path that cannot be written, an I/O error.
     */
    public static final int BAD_INPUT = 2;
    /** A real-network connection attempt ended FAILED. */
    public static final int CONNECTION_FAILED = 3;
    /** A run threw inside the simulator (a bug); the message names its point and seed and how to replay it. */
    public static final int SIMULATOR_ERROR = 4;
    /** Interrupted (SIGINT, SIGTERM, SIGHUP) before the work was complete; what finished was written, marked partial. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
