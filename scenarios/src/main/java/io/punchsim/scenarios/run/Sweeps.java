package io.punchsim.scenarios.run;

import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report needs to know of a scenario file: who it is, its axes and its gates. */
public final class Sweeps {
    private Sweeps() {}

    /**
     * The scenario's identity for reports and comparisons: its name, a digest of its resolved content
     * (every point with every default filled in), and its axes with their values in grid order.
     */
    public static ScenarioIdentity identity(LoadedScenario loaded) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (SweepPoint point : loaded.points()) {
            point.values().forEach((axis, value) -> {
                List<String> values = axes.computeIfAbsent(axis, a -> new ArrayList<>());
                if (!values.contains(value)) {
                    values.add(value);
                }
            });
        }
        List<SweepAxis> list = new ArrayList<>();
        axes.forEach((axis, values) -> list.add(new SweepAxis(axis, values)));
        StringBuilder content = new StringBuilder(loaded.base().toString());
        for (SweepPoint point : loaded.points()) {
            content.append('\n').append(point.values()).append(point.scenario());
        }
        return new ScenarioIdentity(loaded.base().name(), sha256(content.toString()), list);
    }

    /** The scenario's gates; the scenario file already holds them as the reports' own. */
    public static List<Gate> gates(LoadedScenario loaded) {
        return loaded.base().gates();
    }

    /** Prepares every point, so that a problem in any of them is found before the first run. */
    public static List<PreparedPoint> prepare(LoadedScenario loaded) {
        List<PreparedPoint> prepared = new ArrayList<>();
        for (SweepPoint point : loaded.points()) {
            prepared.add(prepare(loaded, point));
        }
        return prepared;
    }

    /**
     * Prepares every point as {@link #prepare} does and keeps none, so checking a grid of any size
     * needs the memory of one prepared point.
     *
     * @throws IllegalArgumentException naming the file and the point that cannot run
     */
    public static void check(LoadedScenario loaded) {
        for (SweepPoint point : loaded.points()) {
            prepare(loaded, point);
        }
    }

    private static PreparedPoint prepare(LoadedScenario loaded, SweepPoint point) {
        try {
            return PreparedPoint.of(point);
        } catch (IllegalArgumentException e) {
            String where = point.values().isEmpty() ? "" : " at sweep point " + point.label();
            throw new IllegalArgumentException(loaded.file() + where + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
