package io.punchsim.scenarios.calibration;

import io.punchsim.reports.stats.Proportion;
import java.util.Optional;

/** Whether the simulator's 95% interval of the direct rate meets a field figure's band. */
public enum Verdict {
    /** The interval and the band overlap. */
    MEETS("meets"),
    /** The whole interval lies below the band. */
    BELOW("below the band"),
    /** The whole interval lies above the band. */
    ABOVE("above the band"),
    /** No band to meet: nothing was published for this population. */
    NO_FIGURE("no field figure");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** How reports write it. */
    public String words() {
        return words;
    }

    public static Verdict of(Proportion direct, Optional<Band> band) {
        if (band.isEmpty()) {
            return NO_FIGURE;
        }
        if (direct.upper() < band.get().low()) {
            return BELOW;
        }
        if (direct.lower() > band.get().high()) {
            return ABOVE;
        }
        return MEETS;
    }
}
