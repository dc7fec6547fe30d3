package io.punchsim.scenarios.load;

import io.punchsim.protocol.config.Units;
import io.punchsim.protocol.config.ValueException;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.precision.Precision;
import io.punchsim.scenarios.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code precision:} section: the half-width every listed rate must reach, the rates, the
 * batch and the cap. Every value is checked here, with its position. Public for {@link
 * #halfWidth(String)}, which {@code --precision} reads with, so the flag and the file say it alike.
 */
public final class PrecisionBinder {

    /** The most seeds a point may run, as for {@code seeds}. */
    static final int MAX_SEEDS = 100_000_000;

    private final Fields f;

    PrecisionBinder(Fields fields) {
        this.f = fields;
    }

    /** The rule, or empty when a problem was reported. */
    Optional<Precision> bind(Node node) {
        Optional<Fields.Obj> obj = f.object(node, "precision", Keys.PRECISION);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Fields.Obj o = obj.get();
        int before = f.problems().size();
        double halfWidth = Double.NaN;
        if (!o.has("half-width")) {
            f.report(o.mapping, o.path, "missing required key 'half-width' (the 95% half-width every listed rate must reach, e.g. 0.5%)");
        }
        Optional<Node> width = o.take("half-width");
        if (width.isPresent()) {
            halfWidth = halfWidth(width.get(), o.path("half-width"));
        }
        List<Metric> metrics = o.take("metrics").map(n -> rates(n, o.path("metrics"), f)).orElse(Precision.defaultMetrics());
        long batch = o.integer("batch", (int) Precision.DEFAULT_BATCH, 1, MAX_SEEDS);
        long maxSeeds = o.integer("max-seeds", (int) Precision.DEFAULT_MAX_SEEDS, 1, MAX_SEEDS);
        o.finish();
        if (f.problems().size() > before || metrics.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Precision(halfWidth, metrics, batch, maxSeeds));
    }

    /** A half-width in (0, 50%]; NaN after a reported problem. */
    double halfWidth(Node node, String path) {
        Optional<String> text = f.text(node, path, "a half-width (" + Units.RATE_FORM + ")");
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return halfWidth(text.get());
        } catch (ValueException e) {
            f.report(node, path, e.getMessage());
            return Double.NaN;
        }
    }

    /**
     * A 95% half-width as written in a file or after {@code --precision}: a rate in (0, 50%],
     * the range named when it is outside, whatever its size.
     */
    public static double halfWidth(String text) {
        double value = Units.parseProportion(text);
        if (!(value > 0 && value <= Precision.MAX_HALF_WIDTH)) {
            throw new ValueException("out of range: " + text.trim() + " is not within (0%, 50%]");
        }
        return value;
    }

    /** A list of rate metrics, each once; a metric without a Wilson interval is refused by name. */
    static List<Metric> rates(Node node, String path, Fields f) {
        List<String> rates = Precision.rateMetrics().stream().map(Metric::key).toList();
        List<Metric> metrics = new ArrayList<>();
        Optional<List<Node>> items = f.list(node, path, "rate metrics, e.g. [direct-rate, success-rate]");
        if (items.isEmpty()) {
            return metrics;
        }
        if (items.get().isEmpty()) {
            f.report(node, path, "expected at least one rate metric, e.g. [direct-rate, success-rate]");
        }
        for (int i = 0; i < items.get().size(); i++) {
            Node item = items.get().get(i);
            String itemPath = path + "[" + i + "]";
            if (item instanceof Node.Scalar scalar && Metrics.find(scalar.text()).filter(m -> !m.isRate()).isPresent()) {
                f.report(item, itemPath, "'" + scalar.text() + "' is not a rate, so it has no Wilson half-width; the rates are "
                        + String.join(", ", rates));
                continue;
            }
            Optional<Metric> metric = f.word(item, itemPath, rates).map(Metrics::parse);
            if (metric.isPresent() && metrics.contains(metric.get())) {
                f.report(item, itemPath, "'" + metric.get().key() + "' is listed twice");
            } else {
                metric.ifPresent(metrics::add);
            }
        }
        return metrics;
    }
}
