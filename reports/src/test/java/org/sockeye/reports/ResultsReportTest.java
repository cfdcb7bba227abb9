package org.sockeye.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.reports.html.ChartEntry;

class ResultsReportTest {
    @TempDir
    Path tmp;

    private static List<String> names(ReportResult r) {
        return r.charts().stream().map(ChartEntry::name).toList();
    }

    @Test
    void drawsEveryChartTheDataSupports() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 3);
        ReportResult r = ResultsReport.render(dir, ReportOptions.defaults());
        List<String> n = names(r);
        assertTrue(n.containsAll(List.of("goodput", "queue-bottleneck_r1-r2", "queue-bottleneck_r2-r1",
                "link-throughput", "latency-cdf", "cwnd-f1", "cwnd-f2", "cwnd-f3", "rtt", "tseq-f1")), n.toString());
        assertFalse(n.contains("queue-access_h1-r1"), "a queue that never held a packet gets no chart");
        for (String name : n) {
            assertTrue(Files.size(dir.resolve("charts/" + name + ".png")) > 1000, name);
            assertTrue(Files.size(dir.resolve("charts/" + name + ".svg")) > 1000, name);
        }
    }

    @Test
    void noCwndSeriesMeansNoCwndChart() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 2, false);
        List<String> n = names(ResultsReport.render(dir, ReportOptions.defaults()));
        assertTrue(n.stream().noneMatch(s -> s.startsWith("cwnd")), n.toString());
        assertTrue(n.contains("goodput"), n.toString());
    }

    @Test
    void missingTimeSeriesGivesAPageWithoutCharts() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 1);
        Files.delete(dir.resolve("timeseries.csv"));
        Files.delete(dir.resolve("links.csv"));
        ReportResult r = ResultsReport.render(dir, ReportOptions.defaults());
        assertTrue(r.charts().isEmpty());
        String html = Files.readString(r.index());
        assertTrue(html.contains("No time series"), html);
        assertFalse(html.contains("<h2 id=\"links\">"));
    }

    @Test
    void seriesAndFlowFiltersNarrowTheCharts() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 3);
        ReportOptions o = ReportOptions.builder().series("cwnd,queue").flows("f2").links("bottleneck")
                .formats("svg").build();
        ReportResult r = ResultsReport.render(dir, o);
        assertEquals(List.of("queue-bottleneck_r1-r2", "queue-bottleneck_r2-r1", "cwnd-f2"), names(r));
        assertFalse(Files.exists(dir.resolve("charts/cwnd-f2.png")));
    }

    @Test
    void flowFilterAcceptsTheApplicationName() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 3);
        ReportResult r = ResultsReport.render(dir, ReportOptions.builder().charts("cwnd").flows("bulk3").build());
        assertEquals(List.of("cwnd-f3"), names(r));
    }

    @Test
    void htmlListsEveryChartWrittenAndEscapesFileText() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 2);
        ReportResult r = ResultsReport.render(dir, ReportOptions.defaults());
        String html = Files.readString(r.index());
        for (ChartEntry c : r.charts()) {
            assertTrue(html.contains("src=\"charts/" + c.name() + ".svg\""), c.name());
            assertTrue(html.contains("href=\"charts/" + c.name() + ".png\""), c.name());
        }
        List<String> files;
        try (var s = Files.list(dir.resolve("charts"))) {
            files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(2 * r.charts().size(), files.size());
        // From run.json, experiment.yaml and flows.csv: never raw markup.
        assertTrue(html.contains("dumbbell &lt;2 flows&gt;"));
        assertTrue(html.contains("a &lt;b&gt;tag&lt;/b&gt; &amp; an ampersand"));
        assertTrue(html.contains("web&lt;script&gt;"));
        assertFalse(html.contains("web<script>"));
        assertFalse(html.contains("<b>tag"));
        // Offline: nothing is fetched from a network.
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"), html);
    }

    @Test
    void tablesAreHumanised() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 1);
        String html = Files.readString(ResultsReport.render(dir, ReportOptions.builder().formats("png").build())
                .index());
        assertTrue(html.contains("<td>9.87 Mbit/s</td>"), html);
        assertTrue(html.contains("<td>11.8 MiB</td>"), html);
        assertTrue(html.contains("<td>21.3 ms</td>"), html);
        assertTrue(html.contains("<td>97 %</td>"), html);
    }

    @Test
    void renderingTwiceGivesIdenticalBytes() throws IOException {
        Path a = SyntheticResults.write(tmp.resolve("a"), 3);
        Path b = SyntheticResults.write(tmp.resolve("b"), 3);
        ReportResult ra = ResultsReport.render(a, ReportOptions.defaults());
        ReportResult rb = ResultsReport.render(b, ReportOptions.defaults());
        assertEquals(names(ra), names(rb));
        assertArrayEquals(Files.readAllBytes(ra.index()), Files.readAllBytes(rb.index()));
        for (ChartEntry c : ra.charts()) {
            for (String ext : List.of(".svg", ".png")) {
                assertArrayEquals(Files.readAllBytes(a.resolve("charts/" + c.name() + ext)),
                        Files.readAllBytes(b.resolve("charts/" + c.name() + ext)), c.name() + ext);
            }
        }
    }

    @Test
    void manyFlowsBecomeSmallMultiplesAndTheFlowCapIsReported() throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r"), 12);
        ReportResult r = ResultsReport.render(dir, ReportOptions.builder().charts("goodput,cwnd").maxFlows(10)
                .formats("png").build());
        assertEquals(11, r.charts().size(), names(r).toString()); // goodput grid + 10 cwnd charts
        assertTrue(r.charts().get(0).title().contains("10 panels"), r.charts().get(0).title());
        assertTrue(r.notes().get(0).contains("first 10 flows"), r.notes().toString());
    }
}
