package io.punchsim.realnet.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.protocol.cloud.CloudLimits;
import io.punchsim.realnet.RealnetMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudOptionsTest {

    private static final long MS = 1_000_000L;

    @Test
    void withoutFlagsTheCloudRunsWithTheSimulatorsLimits() {
        assertThat(CloudOptions.toSettings(Map.of())).isEqualTo(CloudOptions.Settings.DEFAULTS);
        assertThat(CloudOptions.Settings.DEFAULTS.limits()).isEqualTo(CloudLimits.DEFAULTS);
    }

    @Test
    void everyFlagReachesItsLimit() {
        CloudOptions.Settings s = CloudOptions.toSettings(Map.of("--max-sessions", "10", "--sessions-per-source", "2",
                "--max-endpoints", "30", "--max-props-bytes", "64", "--reservation-lifetime", "1500ms",
                "--reservations-per-source", "1", "--unproven-retransmits", "0", "--status-interval", "0s",
                "--step-lines-per-second", "5"));
        assertThat(s.limits()).isEqualTo(new CloudLimits(10, 2, 30, 64, 1_500 * MS, 1, 0));
        assertThat(s.statusIntervalNanos()).isZero();
        assertThat(s.stepLinesPerSecond()).isEqualTo(5);
        assertThat(CloudOptions.names()).hasSize(CloudOptions.ALL.size());
    }

    @Test
    void aBadValueIsRefusedNamingItsFlag() {
        assertThatThrownBy(() -> CloudOptions.toSettings(Map.of("--max-sessions", "0")))
                .hasMessageContaining("--max-sessions").hasMessageContaining("out of range");
        assertThatThrownBy(() -> CloudOptions.toSettings(Map.of("--reservation-lifetime", "3")))
                .hasMessageContaining("--reservation-lifetime").hasMessageContaining("no unit");
        assertThatThrownBy(() -> CloudOptions.toSettings(Map.of("--unproven-retransmits", "many")))
                .hasMessageContaining("--unproven-retransmits");
    }

    @Test
    void serveCloudExitsWithTwoOnABadLimit() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RealnetMain.run(new String[] {"serve-cloud", "--listen", "127.0.0.1:0", "--sessions-per-source", "-1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(RealnetMain.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sessions-per-source");
    }
}
