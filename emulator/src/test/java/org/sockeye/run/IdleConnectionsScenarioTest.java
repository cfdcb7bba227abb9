package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario (b), topologies/sweeps/idle-connections.yaml, against the outcome documented beside it. */
class IdleConnectionsScenarioTest {
    @TempDir
    Path tmp;

    @Test
    void pollAndSelectPayPerIdleConnectionAndEpollDoesNot() throws Exception {
        ScenarioSweep t = ScenarioSweep.run("idle-connections.yaml", tmp);
        assertEquals(12, t.points());
        Map<String, Double> latency = new HashMap<>();
        Map<String, Double> refused = new HashMap<>();
        for (int i = 0; i < t.points(); i++) {
            String key = t.text(i, "parameters.io") + "/" + (int) t.cell(i, "parameters.idle");
            latency.put(key, t.cell(i, "latency_mean"));
            refused.put(key, t.cell(i, "refused_mean"));
            assertEquals(120, t.cell(i, "requests_mean"), key);
        }
        assertTrue(latency.get("epoll/10000") < 1.5 * latency.get("epoll/10"), "epoll stays flat: " + latency);
        assertTrue(latency.get("poll/10000") > 5 * latency.get("poll/10"), "poll grows: " + latency);
        // 50 ns per watched descriptor and wake-up: 10 000 idle connections add about 0.5 ms.
        assertEquals(0.5e-3, latency.get("poll/10000") - latency.get("poll/10"), 0.05e-3);
        assertTrue(latency.get("select/1000") > 2 * latency.get("select/10"), "select grows: " + latency);
        assertEquals(latency.get("select/1000"), latency.get("select/10000"), 0.1 * latency.get("select/1000"),
                "select stops at FD_SETSIZE");
        // Descriptors 1..1023 hold the 2 active and 1021 idle connections (0 is the listener).
        assertEquals(10_000 - 1021, refused.get("select/10000"));
        for (String k : refused.keySet()) {
            if (!k.equals("select/10000")) {
                assertEquals(0, refused.get(k), k);
            }
        }
    }
}
