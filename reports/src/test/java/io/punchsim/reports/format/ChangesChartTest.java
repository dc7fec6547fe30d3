package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.punchsim.reports.compare.Change;
import io.punchsim.reports.compare.Comparison;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The change chart of {@code compare.html} has a title, an axis whose ticks read the scale in
 * percentage points, and bars whose lengths follow that scale: a reader can tell how big each
 * change is from the chart alone.
 */
class ChangesChartTest {

    private static Document chart(Comparison c) throws Exception {
        Matcher m = Pattern.compile("(?s)<svg[^>]*chart-changes.*?</svg>").matcher(ComparisonReport.html(c));
        assertThat(m.find()).as("compare.html has a change chart").isTrue();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document doc, String tag, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    private static double number(String tick) {
        return Double.parseDouble(tick.replace("−", "-").replace("+", ""));
    }

    @Test
    void theChartHasATitleAnAxisWithItsScaleAndBarsDrawnToThatScale() throws Exception {
        Comparison c = Comparison.of(Reports.sweep(77), Reports.sweep(77 + 1_000));
        Document doc = chart(c);
        assertThat(byClass(doc, "text", "chart-title")).singleElement()
                .satisfies(t -> assertThat(t.getTextContent()).contains("current minus baseline").contains("percentage points"));
        assertThat(byClass(doc, "text", "axis-label")).singleElement()
                .satisfies(t -> assertThat(t.getTextContent()).contains("percentage points"));
        assertThat(byClass(doc, "line", "axis")).hasSize(1);

        List<Element> ticks = byClass(doc, "text", "tick");
        assertThat(ticks).hasSize(5);
        double[] values = ticks.stream().mapToDouble(t -> number(t.getTextContent())).toArray();
        double scale = values[4];
        assertThat(values).containsExactly(-scale, -scale / 2, 0, scale / 2, scale);
        List<Change> rates = c.changes().stream().filter(ch -> ch.metric().isRate()).toList();
        double largest = rates.stream().mapToDouble(ch -> Math.abs(ch.current() - ch.baseline()) * 100).max().orElse(0);
        assertThat(scale).as("the scale covers the largest change, %.3f points", largest).isGreaterThanOrEqualTo(largest);

        // Pixels per percentage point, read off the ticks' positions.
        double x0 = Double.parseDouble(ticks.get(2).getAttribute("x"));
        double perPoint = (Double.parseDouble(ticks.get(4).getAttribute("x")) - x0) / scale;
        List<Element> bars = byClass(doc, "rect", "bar");
        assertThat(bars).hasSize(rates.size());
        for (int i = 0; i < bars.size(); i++) {
            double d = (rates.get(i).current() - rates.get(i).baseline()) * 100;
            double width = Double.parseDouble(bars.get(i).getAttribute("width"));
            double x = Double.parseDouble(bars.get(i).getAttribute("x"));
            assertThat(width).as("bar %d, %.3f points", i, d).isCloseTo(Math.max(Math.abs(d) * perPoint, 0.5), within(0.11));
            assertThat(d >= 0 ? x : x + width).as("bar %d starts at zero", i).isCloseTo(x0, within(0.11));
        }
    }
}
