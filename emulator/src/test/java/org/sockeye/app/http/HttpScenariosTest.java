package org.sockeye.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.app.AppStats;
import org.sockeye.net.Machine;

/**
 * The HTTP scenarios of topologies/ against the outcomes written beside them: (c) http-churn.yaml,
 * (d) http-syn-burst.yaml, (f) http-reuseport.yaml, (g) http-slowloris.yaml.
 */
class HttpScenariosTest {
    // ------------------------------------------------------------------------------------ (c)

    @Test
    void churnRunsOutOfPortsAndKeepAliveDoesNot() {
        HttpRuns close = HttpRuns.file("http-churn.yaml");
        AppStats c = close.stats("load");
        // 1000 ports at 200/s: 1000 requests, then EADDRNOTAVAIL until the TIME_WAITs of the first
        // expire at about 60 s, then about 1000 more; 70 s x 200/s = 14 000 requests in all.
        assertTrue(c.operations() >= 1900 && c.operations() <= 2100, "served " + c.operations());
        assertEquals(c.errors(), c.errors("EADDRNOTAVAIL"), c.errorDetail());
        assertTrue(c.errors() >= 11_000 && c.errors() <= 12_600, c.errorDetail());
        double[] gap = longestGap(close.series("latency", "load"));
        assertEquals(1000 / 200.0, gap[0], 0.5, "ports run out after range / rate");
        assertTrue(gap[1] > 60 && gap[1] < 61.5, "TIME_WAIT (60 s) frees the first ports at " + gap[1]);
        // 20 s are enough to show it: 4000 requests over 1000 ports, and not one fails.
        for (String mode : List.of("keep-alive", "pool")) {
            HttpRuns kept = HttpRuns.file("http-churn.yaml", "parameters.mode=" + mode, "duration=20s");
            AppStats k = kept.stats("load");
            assertEquals(0, k.errors(), k.errorDetail());
            assertEquals(4000, k.operations(), 4000 * 0.05);
            assertTrue(k.connections() <= 10, k.connections() + " connections");
        }
    }

    /** The start and end (s) of the longest time without a completed request. */
    private static double[] longestGap(List<double[]> rows) {
        double[] best = {0, 0};
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i)[0] - rows.get(i - 1)[0] > best[1] - best[0]) {
                best = new double[] {rows.get(i - 1)[0], rows.get(i)[0]};
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------ (d)

    @Test
    void synBurstShowsRetransmissionStepsUnlessTheBacklogIsLarge() {
        HttpRuns small = HttpRuns.file("http-syn-burst.yaml");
        long drops = small.sim().network().host("server").tcp().listenDrops();
        double[] connects = values(small.series("latency", "load/connect"));
        double[] steps = {0.002, 1.002, 3.002, 7.002, 15.002, 31.002};
        int[] perStep = new int[steps.length];
        for (double t : connects) {
            int nearest = 0;
            for (int i = 1; i < steps.length; i++) {
                if (Math.abs(t - steps[i]) < Math.abs(t - steps[nearest])) {
                    nearest = i;
                }
            }
            assertEquals(steps[nearest], t, 0.02, "a connect time off the steps of the SYN RTO: " + t);
            perStep[nearest]++;
        }
        assertEquals(300, small.stats("load").operations(), "every request is served in the end");
        assertEquals(300, connects.length);
        assertTrue(drops > 300, "listen drops " + drops);
        assertTrue(perStep[0] < 150, "only some fit the queues at once: " + perStep[0]);
        for (int i = 1; i <= 3; i++) {
            assertTrue(perStep[i] >= 20, "a step at " + steps[i] + " s: " + Arrays.toString(perStep));
        }
        HttpRuns large = HttpRuns.file("http-syn-burst.yaml", "parameters.backlog=512");
        double[] quick = values(large.series("latency", "load/connect"));
        double maxConnect = Arrays.stream(quick).max().orElseThrow();
        double maxLatency = large.stats("load").latencyPercentilePs(1.0) / 1e12;
        assertEquals(0, large.sim().network().host("server").tcp().listenDrops());
        assertEquals(300, quick.length);
        assertTrue(maxConnect < 0.003, "every connect in one RTT: " + maxConnect);
        assertTrue(maxLatency > 0.3 && maxLatency < 0.7, "the wait moved into the request: " + maxLatency);
    }

    private static double[] values(List<double[]> rows) {
        return rows.stream().mapToDouble(r -> r[1]).toArray();
    }

    // ------------------------------------------------------------------------------------ (f)

    @Test
    void reusePortSpreadsConnectionsOverWorkersAndCores() {
        HttpRuns four = HttpRuns.file("http-reuseport.yaml");
        HttpRuns one = HttpRuns.file("http-reuseport.yaml", "parameters.workers=1");
        long[] accepted = four.<HttpServer>app("web").acceptedPerWorker();
        double expected = Arrays.stream(accepted).sum() / 4.0;
        double chi2 = Arrays.stream(accepted).mapToDouble(a -> (a - expected) * (a - expected) / expected).sum();
        double[] cores4 = coreUtilisation(four);
        double[] cores1 = coreUtilisation(one);
        AppStats s4 = four.stats("load");
        AppStats s1 = one.stats("load");
        assertEquals(256, Arrays.stream(accepted).sum());
        assertTrue(chi2 < 11.34, "uniform over 4 listeners (chi-square, 3 degrees of freedom, p = 0.01): " + chi2);
        for (double u : cores4) {
            assertTrue(u > 0.9, "every core busy: " + Arrays.toString(cores4));
        }
        assertTrue(cores1[0] > 0.95, "one worker saturates its core: " + Arrays.toString(cores1));
        assertTrue(s4.operations() > 3 * s1.operations(), s4.operations() + " vs " + s1.operations());
        assertTrue(s4.latencyPercentilePs(0.99) < s1.latencyPercentilePs(0.99) / 2, "a far shorter tail");
    }

    private static double[] coreUtilisation(HttpRuns r) {
        Machine m = r.sim().network().host("server").machine();
        long now = r.sim().scheduler().now();
        double[] u = new double[m.coreCount()];
        for (int i = 0; i < u.length; i++) {
            u[i] = m.core(i).busyPs(now) / (double) now;
        }
        return u;
    }

    // ------------------------------------------------------------------------------------ (g)

    @Test
    void slowLorisStarvesLegitimateClientsUnlessHeadersTimeOut() {
        HttpRuns open = HttpRuns.file("http-slowloris.yaml");
        AppStats legit = open.stats("legit");
        assertEquals(0, legit.operations(), "nothing is served while slow clients hold every slot");
        assertEquals(legit.errors(), legit.errors("timeout"));
        assertTrue(legit.errors() >= 250, legit.errorDetail());
        assertEquals(50, open.stats("web").connections(), "only the slow clients were ever accepted");
        HttpRuns guarded = HttpRuns.file("http-slowloris.yaml", "parameters.header_timeout=2s");
        AppStats ok = guarded.stats("legit");
        double success = ok.operations() / (double) (ok.operations() + ok.errors());
        assertTrue(success >= 0.99, "legitimate success " + success);
        assertTrue(ok.operations() >= 340, "ops " + ok.operations());
        assertTrue(ok.latencyPercentilePs(0.9) < 0.1e12, "p90 " + ok.latencyPercentilePs(0.9) / 1e12);
        assertTrue(guarded.stats("web").errors("header-timeout") >= 100);
        assertTrue(guarded.stats("loris").connections() > 100, "the slow clients keep coming back");
    }
}
