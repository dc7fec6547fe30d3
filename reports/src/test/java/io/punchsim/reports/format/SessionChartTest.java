package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * With {@code session.clients} swept, {@code report.html} charts the session metrics against the
 * number of clients: a title, the axis and its values, ticks that read the scale, and each point
 * (and each Wilson 95% band) drawn to that scale, checked against shares counted from the runs.
 */
class SessionChartTest {
    private static final long SEED = 91;
    private static final List<String> CLIENTS = List.of("1", "3", "7", "9");
    private static final int SESSIONS = 400;

    /** Per number of clients: the share of all-direct sessions and the mean relayed bytes, counted here. */
    private final Map<String, double[]> expected = new LinkedHashMap<>();

    private SweepReport report() {
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        for (String n : CLIENTS) {
            int clients = Integer.parseInt(n);
            List<RunOutcome> runs = SyntheticRuns.draw(SEED + clients, SESSIONS * clients, 0.85, 0.13);
            PointAggregate a = new PointAggregate();
            long allDirect = 0;
            long bytes = 0;
            for (int s = 0; s < SESSIONS; s++) {
                List<RunOutcome> session = runs.subList(s * clients, (s + 1) * clients);
                long relayed = session.stream().mapToLong(RunOutcome::relayedBytes).sum();
                boolean failed = session.stream().anyMatch(r -> r.outcome() == Outcome.FAILED);
                long last = failed ? -1 : session.stream().mapToLong(RunOutcome::connectNanosFromStart).max().orElseThrow();
                a.add(new SessionOutcome(session.get(0).seed(), session, last, relayed, clients));
                allDirect += session.stream().allMatch(r -> r.outcome() == Outcome.DIRECT) ? 1 : 0;
                bytes += relayed;
            }
            expected.put(n, new double[] {(double) allDirect / SESSIONS, (double) bytes / SESSIONS, allDirect});
            points.put(Map.of("session.clients", n), a);
        }
        ScenarioIdentity scenario = new ScenarioIdentity("fusion-session", "sha256:5e55", List.of(new SweepAxis("session.clients", CLIENTS)));
        return SweepReport.judge(scenario, List.of(), points, false,
                new WallClock(1, 1000, 1, 2, "OpenJDK 64-Bit Server VM 17", "Linux 6 amd64"));
    }

    private static Document chart(String html, String cssClass) throws Exception {
        Matcher m = Pattern.compile("(?s)<svg[^>]*class=\"chart " + cssClass + "\".*?</svg>").matcher(html);
        assertThat(m.find()).as("report.html has a %s chart", cssClass).isTrue();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> all(Document doc, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    /** The y of a tick label, at its text's baseline 4 px below the grid line it labels. */
    private static double tickY(Document doc, String label) {
        return all(doc, "text").stream().filter(t -> t.getTextContent().equals(label)).mapToDouble(t -> attr(t, "y") - 4)
                .findFirst().orElseThrow(() -> new AssertionError("no tick " + label));
    }

    /** The points of one series, by the label its tooltips start with, in axis order. */
    private static List<Element> points(Document doc, String label) {
        return all(doc, "circle").stream().filter(c -> c.getTextContent().startsWith(label + " ")).toList();
    }

    @Test
    void sessionRatesAreDrawnAgainstTheNumberOfClientsToScaleWithWilsonBands() throws Exception {
        Document doc = chart(HtmlReport.write(report()), "chart-session-rates");
        assertThat(all(doc, "title").get(0).getTextContent()).isEqualTo("Session outcomes by session.clients");
        List<String> texts = all(doc, "text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("session.clients", "share of sessions", "0.0%", "25.0%", "50.0%", "75.0%", "100.0%")
                .containsAll(CLIENTS).contains("all direct", "any relayed", "any failed");
        double zero = tickY(doc, "0.0%");
        double perUnit = zero - tickY(doc, "100.0%");
        assertThat(perUnit).isPositive();
        assertThat(tickY(doc, "50.0%")).isCloseTo(zero - perUnit / 2, within(0.11));

        List<Element> allDirect = points(doc, "all direct");
        assertThat(allDirect).hasSize(CLIENTS.size());
        String band = all(doc, "polygon").stream().filter(p -> p.getAttribute("class").equals("band band-session-all-direct-rate"))
                .findFirst().orElseThrow().getAttribute("points");
        String[] corners = band.strip().split(" ");
        assertThat(corners).hasSize(2 * CLIENTS.size());
        double previousX = 0;
        for (int i = 0; i < CLIENTS.size(); i++) {
            double[] e = expected.get(CLIENTS.get(i));
            Element c = allDirect.get(i);
            assertThat(attr(c, "cy")).as("seed %d, %s clients: all direct %.4f", SEED, CLIENTS.get(i), e[0])
                    .isCloseTo(zero - perUnit * e[0], within(0.11));
            assertThat(attr(c, "cx")).as("points in axis order").isGreaterThan(previousX);
            previousX = attr(c, "cx");
            // The band runs along the Wilson 95% upper bounds, then back along the lower ones.
            double[] wilson = wilson(e[2], SESSIONS);
            double upperY = Double.parseDouble(corners[i].split(",")[1]);
            double lowerY = Double.parseDouble(corners[corners.length - 1 - i].split(",")[1]);
            assertThat(upperY).as("seed %d, %s clients: upper bound %.4f", SEED, CLIENTS.get(i), wilson[1])
                    .isCloseTo(zero - perUnit * wilson[1], within(0.11));
            assertThat(lowerY).as("seed %d, %s clients: lower bound %.4f", SEED, CLIENTS.get(i), wilson[0])
                    .isCloseTo(zero - perUnit * wilson[0], within(0.11));
        }
        // More clients, fewer sessions with everyone direct: the synthetic clients are independent.
        assertThat(attr(allDirect.get(3), "cy")).as("seed %d", SEED).isGreaterThan(attr(allDirect.get(0), "cy"));
        assertThat(points(doc, "any relayed")).hasSize(CLIENTS.size());
        assertThat(points(doc, "any failed")).hasSize(CLIENTS.size());
    }

    @Test
    void relayedBytesPerSessionAreDrawnToTheScaleOfTheirTicks() throws Exception {
        Document doc = chart(HtmlReport.write(report()), "chart-session-relayed-bytes");
        assertThat(all(doc, "title").get(0).getTextContent()).isEqualTo("Relayed bytes per session by session.clients");
        List<Element> points = points(doc, "relayed bytes/session");
        assertThat(points).hasSize(CLIENTS.size());
        double largest = expected.values().stream().mapToDouble(e -> e[1]).max().orElseThrow();
        // Five ticks from 0 to a round number at or above the largest mean.
        List<Element> ticks = all(doc, "text").stream().filter(t -> t.getAttribute("text-anchor").equals("end")).toList();
        assertThat(ticks).hasSize(5);
        double top = Double.parseDouble(ticks.get(4).getTextContent().replace(",", ""));
        assertThat(top).as("seed %d: the scale covers %.1f bytes", SEED, largest).isGreaterThanOrEqualTo(largest).isLessThan(largest * 2.5);
        double zero = attr(ticks.get(0), "y") - 4;
        double perByte = (zero - (attr(ticks.get(4), "y") - 4)) / top;
        for (int i = 0; i < CLIENTS.size(); i++) {
            double bytes = expected.get(CLIENTS.get(i))[1];
            assertThat(attr(points.get(i), "cy")).as("seed %d, %s clients: %.2f bytes", SEED, CLIENTS.get(i), bytes)
                    .isCloseTo(zero - perByte * bytes, within(0.11));
        }
    }

    @Test
    void aSweepOfOtherAxesHasNoSessionChart() {
        String html = HtmlReport.write(Reports.sweep(SEED));
        assertThat(html).doesNotContain("chart-session-rates").doesNotContain("chart-session-relayed-bytes");
    }

    /** The Wilson 95% interval of k successes in n, from its formula. */
    private static double[] wilson(double k, int n) {
        double z = 1.959963984540054;
        double p = k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }
}
