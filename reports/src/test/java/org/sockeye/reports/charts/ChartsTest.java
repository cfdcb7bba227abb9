package org.sockeye.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.reports.SyntheticResults;
import org.sockeye.reports.series.TimeSeriesCsvReader;
import org.sockeye.reports.series.TimeSeriesSet;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ChartsTest {
    @TempDir
    Path tmp;

    private Charts charts(int flows, int maxPerChart) throws IOException {
        Path dir = SyntheticResults.write(tmp.resolve("r" + flows), flows);
        TimeSeriesSet data = TimeSeriesCsvReader.read(dir.resolve("timeseries.csv"));
        Palette p = new Palette();
        for (int i = 1; i <= flows; i++) {
            p.register("f" + i, "bulk" + i);
        }
        return new Charts(data, p, new Palette(), maxPerChart, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** The paint of the legend entry with this label, over all datasets of a plot. */
    private static Paint paintOf(JFreeChart chart, String label) {
        XYPlot plot = chart.getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) == null) {
                continue;
            }
            for (int s = 0; s < plot.getDataset(d).getSeriesCount(); s++) {
                if (plot.getDataset(d).getSeriesKey(s).equals(label)) {
                    return plot.getRenderer(d).getSeriesPaint(s);
                }
            }
        }
        throw new AssertionError("no series " + label);
    }

    @Test
    void aFlowHasTheSameColourInEveryChart() throws IOException {
        Charts c = charts(3, 8);
        JFreeChart cwnd = c.cwnd("f2").orElseThrow().panels().get(0);
        JFreeChart goodput = c.goodput(List.of("f1", "f2", "f3")).orElseThrow().panels().get(0);
        JFreeChart rtt = c.rtt(List.of("f1", "f2", "f3")).orElseThrow().panels().get(0);
        Paint f2 = paintOf(goodput, "f2");
        assertEquals(f2, paintOf(cwnd, "cwnd"));
        assertEquals(f2, paintOf(rtt, "f2 srtt"));
        assertEquals(f2, paintOf(rtt, "f2 rto"));
        assertNotEquals(paintOf(goodput, "f1"), f2);
        assertEquals(Palette.colour(1), f2, "second flow in flows.csv order gets the second colour");
    }

    @Test
    void svgIsWellFormedAndCarriesAxisLabelsWithUnits() throws Exception {
        Charts c = charts(2, 8);
        String svg = c.cwnd("f1").orElseThrow().toSvg(1200, 700);
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(!svg.contains("<!DOCTYPE"), "no external DTD reference");
        List<String> texts = texts(doc);
        assertTrue(texts.contains("time (s)"), texts.toString());
        assertTrue(texts.contains("window (KiB)"), texts.toString());
        assertTrue(texts.contains("Congestion window: f1"), texts.toString());
        Color f1 = Palette.colour(0);
        assertTrue(svg.contains("rgb(" + f1.getRed() + "," + f1.getGreen() + "," + f1.getBlue() + ")"));

        String q = c.queue("bottleneck:r1->r2").orElseThrow().toSvg(1200, 700);
        List<String> qt = texts(parse(q));
        assertTrue(qt.contains("queue (packets)") && qt.contains("drops (cumulative packets)"), qt.toString());
        String g = c.goodput(List.of("f1", "f2")).orElseThrow().toSvg(1200, 700);
        assertTrue(texts(parse(g)).contains("goodput (Mbit/s)"));
    }

    @Test
    void unlimitedSsthreshDoesNotFlattenTheCwndAxis() throws IOException {
        Charts c = charts(1, 8);
        JFreeChart chart = c.cwnd("f1").orElseThrow().panels().get(0);
        double upper = chart.getXYPlot().getRangeAxis().getUpperBound();
        // Largest cwnd in the synthetic data is ~107 KiB; the initial ssthresh is 2 GiB.
        assertTrue(upper < 200, "range axis reaches " + upper + " KiB");
        double[] drawn = Charts.drawableSsthresh(new double[] {0x7fffffff, 50_000, 1e300}, 80_000);
        assertTrue(Double.isNaN(drawn[0]) && Double.isNaN(drawn[2]));
        assertEquals(50_000, drawn[1]);
    }

    @Test
    void absentDataGivesNoChart() throws IOException {
        Charts c = charts(1, 8);
        assertEquals(Optional.empty(), c.cwnd("nobody"));
        assertEquals(Optional.empty(), c.timeSequence("nobody"));
        assertEquals(Optional.empty(), c.queue("x:a->b"));
        assertEquals(Optional.empty(), c.latencyCdf(List.of("f1")));
        assertEquals(Optional.empty(), c.goodput(List.of()));
        assertEquals(Optional.empty(), c.cpu(List.of("f1")));
    }

    @Test
    void cpuChartShowsBusyAndSoftirqSharesInPercentWithTheHostsColour() throws IOException {
        java.io.StringWriter csv = new java.io.StringWriter();
        try (org.sockeye.reports.TimeSeriesCsvWriter w = new org.sockeye.reports.TimeSeriesCsvWriter(csv)) {
            for (int t = 0; t < 10; t++) {
                w.add(t * 0.1, "cpu", "server", 0.5);
                w.add(t * 0.1, "softirq", "server", 0.2);
            }
        }
        TimeSeriesSet data = TimeSeriesCsvReader.read(new StringReader(csv.toString()), "timeseries.csv",
                org.sockeye.reports.series.SeriesSelection.ALL);
        Palette p = new Palette();
        p.register("server");
        Charts c = new Charts(data, p, new Palette(), 8, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        JFreeChart chart = c.cpu(List.of("server")).orElseThrow().panels().get(0);
        assertEquals("CPU busy (%)", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals(p.colour("server"), paintOf(chart, "busy"));
        assertEquals(p.colour("server"), paintOf(chart, "softirq"));
        XYPlot plot = chart.getXYPlot();
        double max = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null) {
                for (int i = 0; i < plot.getDataset(d).getItemCount(0); i++) {
                    max = Math.max(max, plot.getDataset(d).getYValue(0, i));
                }
            }
        }
        assertEquals(50.0, max, 1e-9, "utilisation 0.5 is drawn as 50 %");
    }

    @Test
    void moreFlowsThanFitOnePlotBecomeSmallMultiplesOnSharedAxes() throws IOException {
        Charts c = charts(5, 4);
        Figure f = c.goodput(List.of("f1", "f2", "f3", "f4", "f5")).orElseThrow();
        assertEquals(5, f.panels().size());
        assertTrue(f.defaultHeight() >= Figure.DEFAULT_HEIGHT);
        double top = f.panels().get(0).getXYPlot().getRangeAxis().getUpperBound();
        for (JFreeChart p : f.panels()) {
            assertEquals(top, p.getXYPlot().getRangeAxis().getUpperBound());
        }
        assertEquals(Palette.colour(4), paintOf(f.panels().get(4), "f5"));
    }

    @Test
    void flowsBeyondThePaletteAreDashedWhenSharingAPlot() throws IOException {
        Charts c = charts(11, 12);
        List<String> flows = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            flows.add("f" + i);
        }
        JFreeChart g = c.goodput(flows).orElseThrow().panels().get(0);
        assertEquals(paintOf(g, "f1"), paintOf(g, "f10"), "nine colours, then they repeat");
        assertNotEquals(strokeOf(g, "f1"), strokeOf(g, "f10"));
    }

    private static java.awt.Stroke strokeOf(JFreeChart chart, String label) {
        XYPlot plot = chart.getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null && plot.getDataset(d).getSeriesKey(0).equals(label)) {
                return plot.getRenderer(d).getSeriesStroke(0);
            }
        }
        throw new AssertionError("no series " + label);
    }

    @Test
    void axisScalesPickReadableUnits() {
        assertEquals("bytes", AxisScale.bytes(3000).unit());
        assertEquals("KiB", AxisScale.bytes(100_000).unit());
        assertEquals("MiB", AxisScale.bytes(50e6).unit());
        assertEquals("Mbit/s", AxisScale.bitRate(9.5e6).unit());
        assertEquals("Gbit/s", AxisScale.bitRate(40e9).unit());
        assertEquals("ms", AxisScale.seconds(0.2).unit());
        assertEquals("µs", AxisScale.seconds(2e-5).unit());
        assertEquals(2.5, AxisScale.bitRate(9.5e6).apply(2.5e6));
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("queue-bottleneck_r1-r2", Charts.fileName("queue", "bottleneck:r1->r2"));
        assertEquals("cwnd-a_b_c_", Charts.fileName("cwnd", "a/b c\""));
    }

    @Test
    void latencyCdfEndsAtOne() {
        double[][] cdf = Charts.cdf(new double[] {3, 1, 2, 4}, 100);
        assertEquals(1.0, cdf[1][cdf[1].length - 1]);
        assertEquals(4.0, cdf[0][cdf[0].length - 1]);
        assertEquals(1.0, cdf[0][0]);
        double[][] thin = Charts.cdf(new double[10_000], 50);
        assertEquals(51, thin[0].length);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // The SVG names an external DTD; never fetch it.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
