package org.sockeye.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.config.SweepLoader;
import org.sockeye.config.Units;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/** Scenario (i), topologies/long-fat-pipe.yaml: socket buffers cap a long fat pipe at buffer ÷ RTT. */
class LongFatPipeScenarioTest {
    private static final double RTT_S = 0.100;
    /** 1 Gb/s of 1500-byte packets carrying 1448 bytes (timestamps on) in 1518 bytes of Ethernet frame. */
    private static final double LINK_GOODPUT_BPS = 1e9 * 1448 / 1518;

    @TempDir
    Path tmp;

    @Test
    void goodputIsTheSmallerOfTheLinkAndBufferOverRoundTripTime() throws Exception {
        BatchRunner.Outcome o = BatchRunner.run(SweepLoader.load(Path.of("../topologies/sweeps/long-fat-pipe.yaml")),
                tmp, new BatchRunner.Options(2, 0, 1, false, false), BatchRunner.Listener.NONE);
        assertEquals(List.of(), o.failures());
        Table t = CsvIO.read(tmp.resolve("summary.csv"));
        assertEquals(5, t.size());
        for (List<Object> row : t.rows()) {
            long buffer = Units.sizeBytes(String.valueOf(row.get(t.columnIndex("parameters.buffer"))));
            double measured = Double.parseDouble(String.valueOf(row.get(t.columnIndex("goodput_mean"))));
            double expected = Math.min(LINK_GOODPUT_BPS, buffer * 8 / RTT_S);
            // Whole-run goodput includes slow start, hence a little below the steady-state bound.
            assertTrue(measured > 0.9 * expected && measured < 1.01 * expected,
                    buffer + " B: " + measured + " b/s against " + expected);
        }
    }
}
