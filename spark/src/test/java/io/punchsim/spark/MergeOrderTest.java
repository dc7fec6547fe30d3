package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.aggregate.AggregateJson;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.run.SweepJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the driver does with the executors' results, without Spark: each range's aggregate sent as
 * text and read back, merged per point in whatever order they arrive. The report must be the one
 * the runner on one machine writes, byte for byte, for every order: histograms are written in a
 * canonical form, so the bytes depend on the counts alone, not on the order auto-resizing
 * histograms grew in.
 */
class MergeOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}, {1} seeds, ranges of {2}")
    @CsvSource({"fusion-default, 3000, 256", "same-lan, 500, 128", "lossy-mobile, 1500, 384"})
    void anyMergeOrderOfTheRangesGivesTheReportOfOneMachine(String example, long seeds, int perRange) throws Exception {
        JobSpec spec = Reports.spec(example, seeds);
        String expected = Reports.withoutWallClock(Reports.onTwoThreads(spec));
        SweepJob job = spec.prepare();
        List<SeedRange> ranges = SeedRanges.plan(job.points().size(), job.seedsPerPoint(), perRange);
        assertThat(ranges.size()).isGreaterThan(job.points().size());
        List<String> sent = new ArrayList<>();
        for (SeedRange range : ranges) {
            sent.add(JSON.writeValueAsString(AggregateJson.write(job.runSeeds(range.point(), range.from(), range.to()))));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            order.add(i);
        }
        for (long shuffle = 0; shuffle < 4; shuffle++) {
            if (shuffle == 1) {
                Collections.reverse(order);
            } else if (shuffle > 1) {
                Collections.shuffle(order, new Random(shuffle));
            }
            List<PointAggregate> byPoint = new ArrayList<>();
            for (int p = 0; p < job.points().size(); p++) {
                byPoint.add(new PointAggregate());
            }
            for (int i : order) {
                byPoint.get(ranges.get(i).point()).merge(AggregateJson.read(JSON.readTree(sent.get(i))));
            }
            String merged = Reports.withoutWallClock(job.judge(byPoint, false, WallClock.ofThisMachine(1, job.totalRuns(), 1)));
            assertThat(merged).as("%s, %d seeds from root seed %d, ranges of %d merged in order %s", example, seeds,
                    job.scenario().base().rootSeed(), perRange, order).isEqualTo(expected);
        }
    }
}
