package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedRangesTest {

    /** Each point's runs exactly once, in seed order, every range on whole chunks. */
    @ParameterizedTest(name = "{0} points x {1} seeds on {2} cores")
    @CsvSource({"1, 20000, 2", "27, 2000, 2", "1, 1000000, 2", "3, 1, 8", "2, 129, 1", "1, 1000000000, 400", "16, 200, 64"})
    void rangesCoverEveryRunOnceInSeedOrderOnWholeChunks(int points, long seeds, int cores) {
        int perTask = SeedRanges.runsPerTask(points * seeds, cores);
        assertThat(perTask % SeedRanges.CHUNK).isZero();
        assertThat(perTask).isBetween(SeedRanges.MIN_RUNS_PER_TASK, SeedRanges.MAX_RUNS_PER_TASK);
        List<SeedRange> ranges = SeedRanges.plan(points, seeds, perTask);
        int point = 0;
        long next = 0;
        for (SeedRange range : ranges) {
            if (next == seeds) {
                point++;
                next = 0;
            }
            assertThat(range.point()).as("%s", range).isEqualTo(point);
            assertThat(range.from()).as("%s", range).isEqualTo(next);
            assertThat(range.from() % SeedRanges.CHUNK).as("%s", range).isZero();
            assertThat(range.runs()).as("%s", range).isLessThanOrEqualTo(perTask);
            if (range.to() < seeds) {
                assertThat(range.runs()).as("%s", range).isEqualTo(perTask);
            }
            next = range.to();
        }
        assertThat(point).isEqualTo(points - 1);
        assertThat(next).isEqualTo(seeds);
    }

    @ParameterizedTest(name = "{0} runs on {1} cores: {2} per task")
    @CsvSource({"20000, 2, 2560", "54000, 2, 6784", "1000000, 2, 16384", "1000, 2, 1024", "1000000000, 400, 16384",
            "100000, 100, 1024"})
    void aboutFourTasksPerCoreWithinTheBounds(long runs, int cores, int perTask) {
        assertThat(SeedRanges.runsPerTask(runs, cores)).isEqualTo(perTask);
    }

    @ParameterizedTest(name = "batch {1}..{2} of {0} points")
    @CsvSource({"2, 1000, 3000, 1024", "1, 0, 500, 128", "3, 4096, 4096, 1024"})
    void aWaveCutsOneBatchOfEveryPointOnTheSameBoundaries(int points, long from, long to, int perTask) {
        List<SeedRange> wave = SeedRanges.plan(points, from, to, perTask);
        for (int p = 0; p < points; p++) {
            int point = p;
            List<SeedRange> mine = wave.stream().filter(r -> r.point() == point).toList();
            assertThat(mine.stream().mapToLong(SeedRange::runs).sum()).isEqualTo(to - from);
            for (SeedRange r : mine) {
                // Inner boundaries fall on multiples of the range size, as in a whole sweep's plan.
                assertThat(r.from() == from || r.from() % perTask == 0).as("%s", r).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "setting {0}")
    @CsvSource({"131072, 131072", "' 128 ', 128"})
    void theSettingFixesTheRunsPerTask(String setting, int perTask) {
        assertThat(SeedRanges.runsPerTask(1_000_000_000L, 400, setting)).isEqualTo(perTask);
    }

    @ParameterizedTest(name = "setting {0}")
    @CsvSource({"0", "1000", "-128", "lots"})
    void theSettingIsAPositiveWholeNumberOfChunks(String setting) {
        assertThatThrownBy(() -> SeedRanges.runsPerTask(1000, 2, setting)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spark.punchsim.runsPerTask must be a positive multiple of 128, got '" + setting + "'");
    }

    @ParameterizedTest(name = "{0} runs per task")
    @CsvSource({"0", "100", "-128"})
    void rangesAreWholeChunks(int perTask) {
        assertThatThrownBy(() -> SeedRanges.plan(1, 1000, perTask)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 128");
    }
}
