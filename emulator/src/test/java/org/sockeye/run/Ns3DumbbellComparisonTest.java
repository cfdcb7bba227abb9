package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/**
 * Fidelity against ns-3 3.37 on the reference dumbbell (2 NewReno flows, 60 s). The reference
 * figures are ns-3's own, measured on this machine with the shared scenario made truly drop-tail on
 * its bottleneck (`scripts/bench-ns3.sh`, QUEUE=droptail: the shared script otherwise installs ns-3's
 * default FqCoDel there); see BENCHMARKS.md.
 */
class Ns3DumbbellComparisonTest {
    private static final double NS3_FLOW0_MBPS = 43.54;
    private static final double NS3_FLOW1_MBPS = 47.33;
    private static final int NS3_FLOW0_LOSS_EVENTS = 14;

    @Test
    void goodputPerFlowWithinFivePercentAndLossEventsWithinTwentyPercent(@TempDir Path tmp) throws Exception {
        ExperimentRunner.run(ExperimentLoader.load(Path.of("../topologies/dumbbell-ns3.yaml"),
                List.of("record.charts=none")), tmp.resolve("out"), Simulation.Progress.NONE);
        Table flows = CsvIO.read(tmp.resolve("out/flows.csv"));
        double flow0 = mbps(flows, "flow0");
        double flow1 = mbps(flows, "flow1");
        assertEquals(NS3_FLOW0_MBPS, flow0, 0.05 * NS3_FLOW0_MBPS, "flow0");
        assertEquals(NS3_FLOW1_MBPS, flow1, 0.05 * NS3_FLOW1_MBPS, "flow1");

        LossEvents events = new LossEvents();
        for (String line : Files.readAllLines(tmp.resolve("out/timeseries.csv"))) {
            String[] f = line.split(",");
            if (f.length == 4 && f[1].equals("cwnd") && f[2].equals("flow0")) {
                events.sample(Double.parseDouble(f[0]), Double.parseDouble(f[3]));
            }
        }
        assertEquals(NS3_FLOW0_LOSS_EVENTS, events.count(), 0.2 * NS3_FLOW0_LOSS_EVENTS, "flow0 loss events");
        assertTrue(events.count() > 0);
    }

    private static double mbps(Table flows, String name) {
        for (List<Object> r : flows.rows()) {
            if (r.get(0).equals(name)) {
                return Double.parseDouble((String) r.get(flows.columnIndex("throughput_bps"))) / 1e6;
            }
        }
        throw new AssertionError("no flow " + name);
    }

    /**
     * Loss events in a cwnd trace: cwnd falls below 3/4 of its peak since the previous event; a
     * reduction spread over a round trip (PRR) is one event, so cuts within 200 ms of an event belong
     * to it. The same rule is applied to ns-3's trace by scripts/bench-ns3.sh.
     */
    static final class LossEvents {
        private double peak;
        private double lastCut = -1;
        private int count;

        void sample(double t, double cwnd) {
            if (cwnd > peak) {
                peak = cwnd;
            } else if (cwnd < peak * 3 / 4) {
                if (lastCut < 0 || t - lastCut > 0.2) {
                    count++;
                }
                lastCut = t;
                peak = cwnd;
            }
        }

        int count() {
            return count;
        }
    }
}
