package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.batch.BatchRunner;
import org.sockeye.config.SweepLoader;
import org.sockeye.config.SweepSpec;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/** Scenario (h), topologies/sweeps/coalescing.yaml, against the outcome documented beside it. */
class CoalescingScenarioTest {
    @TempDir
    Path tmp;

    private static double cell(Table t, int row, String column) {
        return Double.parseDouble(String.valueOf(t.rows().get(row).get(t.columnIndex(column))));
    }

    @Test
    void moreCoalescingMeansMoreDelayButFewerInterruptsAndLessCpu() throws Exception {
        SweepSpec s = SweepLoader.load(Path.of("../topologies/sweeps/coalescing.yaml"));
        BatchRunner.Outcome o = BatchRunner.run(s, tmp, new BatchRunner.Options(2, 0, 1, false, false),
                BatchRunner.Listener.NONE);
        assertEquals(List.of(), o.failures());
        Table t = CsvIO.read(tmp.resolve("summary.csv"));
        assertEquals(4, t.size());
        double[] usecs = {0, 10, 50, 100};
        for (int i = 0; i < 4; i++) {
            assertEquals(usecs[i], cell(t, i, "parameters.rx_usecs"));
        }
        for (int i = 1; i < 4; i++) {
            double addedDelay = cell(t, i, "delay_mean") - cell(t, 0, "delay_mean");
            assertTrue(cell(t, i, "delay_mean") > cell(t, i - 1, "delay_mean"), "delay grows at point " + i);
            assertTrue(addedDelay <= usecs[i] * 1e-6, "added delay " + addedDelay + " <= rx-usecs");
            assertTrue(cell(t, i, "interrupts_mean") < cell(t, i - 1, "interrupts_mean"), "interrupts fall " + i);
            assertTrue(cell(t, i, "cpu_mean") < cell(t, i - 1, "cpu_mean"), "cpu falls " + i);
        }
        // 100 000 packets/s for 0.5 s: an interrupt per packet without coalescing.
        assertEquals(50_000, cell(t, 0, "interrupts_mean"), 2);
    }
}
