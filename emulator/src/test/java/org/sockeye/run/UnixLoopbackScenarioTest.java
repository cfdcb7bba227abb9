package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario (a), topologies/sweeps/unix-vs-loopback.yaml, against the outcome documented beside it. */
class UnixLoopbackScenarioTest {
    @TempDir
    Path tmp;

    @Test
    void unixSocketsServeMoreRequestsFasterAndPipeliningNarrowsTheGap() throws Exception {
        ScenarioSweep t = ScenarioSweep.run("unix-vs-loopback.yaml", tmp);
        assertEquals(3, t.points());
        double[] ratio = new double[3];
        for (int i = 0; i < 3; i++) {
            ratio[i] = t.cell(i, "unix_ops_mean") / t.cell(i, "tcp_ops_mean");
            assertTrue(t.cell(i, "unix_latency_mean") < t.cell(i, "tcp_latency_mean"), "latency at point " + i);
        }
        // The cost model: +0.85 us per request on a 2.45 us unix server (see the experiment file).
        assertTrue(ratio[0] > 1.3 && ratio[0] < 1.5, "unix/tcp throughput without pipelining: " + ratio[0]);
        assertTrue(ratio[1] < ratio[0] && ratio[2] < ratio[1] && ratio[2] > 1.0, "pipelines 4, 16: " + ratio[1]
                + ", " + ratio[2]);
        // A saturated server: throughput per unix server request within 10 % of the model's 2.45 us.
        assertEquals(1 / 2.45e-6, t.cell(0, "unix_ops_mean"), 0.1 / 2.45e-6);
    }
}
