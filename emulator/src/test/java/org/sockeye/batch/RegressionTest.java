package org.sockeye.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.config.RegressLoader;
import org.sockeye.config.RegressSpec;

class RegressionTest {
    /** The committed core set against its committed baselines: the golden regression test. */
    @Test
    void coreSetMatchesItsBaselines(@TempDir Path tmp) throws Exception {
        RegressSpec set = RegressLoader.load(Path.of("../topologies/regress/core.yaml"));
        List<Regression.Row> rows = Regression.run(set, tmp, 2);
        assertTrue(rows.size() >= 10);
        assertTrue(rows.stream().allMatch(Regression.Row::passed), () -> "\n" + Regression.format(rows));
    }

    @Test
    void aMovedMetricIsReportedAndUpdateAcceptsIt(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of("../topologies/udp-cbr.yaml"), tmp.resolve("udp-cbr.yaml"));
        Files.writeString(tmp.resolve("set.yaml"), """
                experiments:
                  - experiment: udp-cbr.yaml
                    metrics:
                      goodput: {metric: "flows[cbr].throughput_bps", tolerance: 1%}
                      packets: {metric: "flows[cbr].packets", tolerance: 0}
                """);
        Files.writeString(tmp.resolve("set.baseline.csv"), "experiment,metric,value\nudp-cbr,goodput,9000000\n"
                + "udp-cbr,packets,12494\n");
        RegressSpec set = RegressLoader.load(tmp.resolve("set.yaml"));
        List<Regression.Row> rows = Regression.run(set, tmp.resolve("out"), 1);
        assertEquals("MOVED", rows.get(0).status(), "9.995 Mb/s is 11 % above a 9 Mb/s baseline");
        assertEquals("ok", rows.get(1).status());
        assertTrue(Regression.format(rows).contains("+11.06%"), Regression.format(rows));
        Regression.writeBaselines(set.baselines(), rows);
        assertTrue(Regression.run(set, tmp.resolve("out"), 1).stream().allMatch(Regression.Row::passed));
    }
}
