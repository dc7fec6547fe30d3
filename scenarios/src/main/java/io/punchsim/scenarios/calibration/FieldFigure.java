package io.punchsim.scenarios.calibration;

import java.util.Optional;

/**
 * A figure measured in the field, and the scenario that stands for what was measured: which
 * population, which process (the default one, or the closest variant where the source measured
 * another), which links.
 *
 * @param id        names the row and its scenario file
 * @param figure    what was measured, in words
 * @param source    where the figure is written: its section of the field data and its source
 * @param band      the direct rates that agree with it; empty where nothing was published
 * @param setting   the population and links the simulator draws from, in words
 * @param process   the process the simulator runs, in words, and why that one
 * @param note      what else a reader must know to weigh the row (may be empty)
 * @param scenario  the scenario file the row runs
 * @param differs   one sentence: why the simulator's process or population differs from what was
 *                  measured, shown when its interval misses the band
 */
public record FieldFigure(String id, String figure, String source, Optional<Band> band, String setting, String process,
        String note, String scenario, String differs) {
}
