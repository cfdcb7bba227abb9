package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockeye.app.AppStats;
import org.sockeye.app.Application;
import org.sockeye.app.EchoClient;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.sim.Time;

/** Scenario (e), topologies/keepalive-dead-peer.yaml, against the outcome documented beside it. */
class KeepaliveScenarioTest {
    @ParameterizedTest(name = "idle {0} s, interval {1} s, count {2}")
    @CsvSource({"10, 2, 3", "4, 1, 5"})
    void keepaliveReportsTheDeadPeerAfterIdlePlusIntervalTimesCount(int idle, int interval, int count)
            throws Exception {
        StringWriter series = new StringWriter();
        Simulation sim = new Simulation(ExperimentLoader.load(Path.of("../topologies/keepalive-dead-peer.yaml"),
                List.of("parameters.idle=" + idle + "s", "parameters.interval=" + interval + "s",
                        "parameters.count=" + count)), new TimeSeriesCsvWriter(series));
        sim.run(Simulation.Progress.NONE);
        EchoClient probing = client(sim, "keepalive-client");
        EchoClient plain = client(sim, "plain-client");
        assertEquals(3, probing.stats().operations());
        assertEquals(3, plain.stats().operations());
        // The connection last heard from the server with the third echo, completed at t3.
        long t3 = lastLatencyRow(series.toString(), "keepalive-client");
        assertEquals(1, probing.failures().size(), "one failure: " + probing.failures());
        assertEquals("ETIMEDOUT", probing.failures().get(0).error());
        long expected = t3 + (idle + (long) interval * count) * Time.S;
        assertEquals(expected, probing.failures().get(0).atPs(), Time.US, "RFC 1122 §4.2.3.6 (t3 read from the CSV)");
        AppStats p = plain.stats();
        assertEquals(0, p.errors(), "without keep-alive nothing is detected: " + p.errorDetail());
        assertEquals(List.of(), plain.failures());
    }

    private static EchoClient client(Simulation sim, String name) {
        for (Application a : sim.applications()) {
            if (a.name().equals(name)) {
                return (EchoClient) a;
            }
        }
        throw new AssertionError("no application " + name);
    }

    /** When the last {@code latency} row of {@code app} was written (time_s,series,subject,value). */
    private static long lastLatencyRow(String csv, String app) {
        long last = -1;
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (f.length == 4 && f[1].equals("latency") && f[2].equals(app)) {
                last = Time.fromSeconds(Double.parseDouble(f[0]));
            }
        }
        return last;
    }
}
