package org.sockeye.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.sockeye.reports.Table;

class SweepChartsTest {
    private static Table summary() {
        Table t = new Table("loss", "rtt_ms", "throughput_mean", "throughput_ci95");
        double[] losses = {0.001, 0.01, 0.05};
        for (int rtt : new int[] {20, 80}) {
            for (double p : losses) {
                double mathis = 1448 * 8 / (rtt / 1000.0) * Math.sqrt(1.5 / p);
                t.addRow(String.valueOf(p), String.valueOf(rtt), String.valueOf(mathis * 0.9),
                        String.valueOf(mathis * 0.05));
            }
        }
        t.addRow("0.2", "20", "", ""); // a failed point: skipped, not drawn at zero
        return t;
    }

    @Test
    void meansWithConfidenceBarsPerGroup() {
        Figure f = SweepCharts.plot(summary(), SweepCharts.Spec.of("loss", "throughput").withGroupBy("rtt_ms")
                .withYScale(AxisScale.bitRate(1e7)));
        XYPlot plot = f.panels().get(0).getXYPlot();
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(2, d.getSeriesCount());
        assertEquals("rtt_ms = 20", d.getSeriesKey(0));
        assertEquals(3, d.getItemCount(0));
        double mean = d.getYValue(0, 1);
        double lo = d.getStartYValue(0, 1);
        double hi = d.getEndYValue(0, 1);
        assertEquals(mean - lo, hi - mean, 1e-9, "symmetric bar: mean ± half-width");
        assertTrue(hi > lo);
        assertEquals("throughput (Mbit/s)", plot.getRangeAxis().getLabel());
    }

    @Test
    void modelCurvesAreDrawnOverMeasurementsOnLogAxes() throws Exception {
        ModelCurve mathis = ModelCurve.of("Mathis, RTT 20 ms", p -> 1448 * 8 / 0.02 * Math.sqrt(1.5 / p), 1e-3,
                5e-2, 50, true);
        Figure f = SweepCharts.plot(summary(), SweepCharts.Spec.of("loss", "throughput").withGroupBy("rtt_ms")
                .withLogAxes(true, true).withCurves(List.of(mathis.inColourOf(1))).withLabels("loss rate", "throughput"));
        XYPlot plot = f.panels().get(0).getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis);
        assertEquals(2, plot.getDatasetCount());
        assertEquals(50, plot.getDataset(1).getItemCount(0));
        assertEquals(1e-3, plot.getDataset(1).getXValue(0, 0), 1e-15);
        assertEquals(plot.getRenderer(0).getSeriesPaint(1), plot.getRenderer(1).getSeriesPaint(0),
                "the model curve takes the colour of the measured group it belongs to");
        assertEquals(5e-2, plot.getDataset(1).getXValue(0, 49), 1e-12);
        List<String> texts = ChartsTest.texts(ChartsTest.parse(f.toSvg(1200, 700)));
        assertTrue(texts.contains("loss rate") && texts.contains("Mathis, RTT 20 ms"), texts.toString());
    }
}
