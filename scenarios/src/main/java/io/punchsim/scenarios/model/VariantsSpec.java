package io.punchsim.scenarios.model;

/** The protocol variants of SPEC 2.4; all off is the default process. */
public record VariantsSpec(boolean peerReflexive, boolean localCandidates, boolean portPrediction, boolean parallelRelay) {
}
