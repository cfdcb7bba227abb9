package org.sockeye.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.config.SweepChartSpec;
import org.sockeye.config.SweepLoader;
import org.sockeye.config.SweepSpec;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/** The validation sweeps in topologies/sweeps/, each against its expected result. */
class BatchValidationTest {
    @TempDir
    Path tmp;

    private Table sweep(String file) throws Exception {
        SweepSpec s = SweepLoader.load(Path.of("../topologies/sweeps/" + file));
        BatchRunner.Outcome o = BatchRunner.run(s, tmp, new BatchRunner.Options(2, 0, 1, false, false),
                BatchRunner.Listener.NONE);
        assertEquals(List.of(), o.failures());
        return CsvIO.read(tmp.resolve("summary.csv"));
    }

    private static double cell(Table t, int row, String column) {
        return Double.parseDouble(String.valueOf(t.rows().get(row).get(t.columnIndex(column))));
    }

    @Test
    void newRenoThroughputFallsAsOneOverRootPAndStaysNearTheModels() throws Exception {
        Table t = sweep("mathis.yaml");
        SweepChartSpec.TcpModelInputs m = new SweepChartSpec.TcpModelInputs(1448, 0.050, 2, 1);
        List<double[]> lowLoss = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            double p = cell(t, i, "parameters.loss");
            double measured = cell(t, i, "goodput_mean");
            double mathis = TcpModels.mathis(m, p);
            double padhye = TcpModels.padhye(m, p);
            // Within a factor of two of the square-root law wherever timeouts are rare (p <= 2 %),
            // and between Padhye's curve (which charges every loss some timeout) and twice Mathis.
            if (p <= 0.02) {
                assertTrue(measured > mathis / 2 && measured < mathis * 2,
                        "p=" + p + ": " + measured + " vs Mathis " + mathis);
                lowLoss.add(new double[] {Math.log(p), Math.log(measured)});
            }
            assertTrue(measured > padhye * 0.8, "p=" + p + ": " + measured + " vs Padhye " + padhye);
        }
        // Least-squares slope of log(throughput) against log(p): -1/2 for the square-root law.
        double n = lowLoss.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] xy : lowLoss) {
            sx += xy[0];
            sy += xy[1];
            sxx += xy[0] * xy[0];
            sxy += xy[0] * xy[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertTrue(slope > -0.7 && slope < -0.35, "log-log slope " + slope);
    }

    @Test
    void flowsSharingABottleneckAreFairAndKeepItBusy() throws Exception {
        Table t = sweep("fairness.yaml");
        assertEquals(4, t.size());
        for (int i = 0; i < t.size(); i++) {
            assertTrue(cell(t, i, "jain_mean") >= 0.9, "Jain's index at point " + i + ": " + cell(t, i, "jain_mean"));
            assertTrue(cell(t, i, "utilisation_mean") >= 0.9, "utilisation at point " + i);
        }
    }

    @Test
    void oneFlowNeedsABandwidthDelayProductOfBufferAndManyFlowsFarLess() throws Exception {
        Table t = sweep("buffer-sizing.yaml");
        // Rows: flows 1 then 16, each with queue 41 (BDP/8), 83 (BDP/4), 165, 330 (BDP), 660 packets.
        // Utilisation is over the whole 30 s, start-up (a random start in the first second and slow
        // start) included, so a perfectly kept link still reads about 0.97.
        double oneAtEighth = cell(t, 0, "utilisation_mean");
        double oneAtQuarter = cell(t, 1, "utilisation_mean");
        double oneAtBdp = cell(t, 3, "utilisation_mean");
        double manyAtQuarter = cell(t, 6, "utilisation_mean");
        double manyAtHalf = cell(t, 7, "utilisation_mean");
        assertTrue(oneAtBdp >= 0.95, "one flow, 1 BDP of buffer: " + oneAtBdp);
        assertTrue(oneAtEighth < oneAtBdp - 0.1, "one flow, BDP/8: " + oneAtEighth + " vs " + oneAtBdp);
        // Appenzeller et al.: N desynchronised flows need only BDP/sqrt(N): 16 flows at BDP/4 keep the
        // link busy where one flow cannot, and at BDP/2 match one flow at a full BDP.
        assertTrue(manyAtQuarter >= 0.9, "16 flows, BDP/sqrt(16): " + manyAtQuarter);
        assertTrue(manyAtQuarter > oneAtQuarter + 0.03, "16 flows vs 1 at BDP/4: " + manyAtQuarter + " vs "
                + oneAtQuarter);
        assertTrue(manyAtHalf >= oneAtBdp - 0.01, "16 flows at BDP/2 vs one flow at BDP: " + manyAtHalf);
    }
}
