package org.sockeye.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a small, plausible results directory for tests: Reno-like flows over one bottleneck, with
 * the series the emulator writes. Fully deterministic (no randomness).
 */
public final class SyntheticResults {
    private SyntheticResults() {
    }

    /** A results directory with {@code flowCount} TCP flows, one link, and a request–response app. */
    public static Path write(Path dir, int flowCount) throws IOException {
        return write(dir, flowCount, true);
    }

    public static Path write(Path dir, int flowCount, boolean withCwnd) throws IOException {
        Files.createDirectories(dir);
        Table flows = new Table(List.of("flow", "application", "protocol", "source", "destination", "start_s",
                "end_s", "bytes", "packets", "throughput_bps", "lost_packets", "loss_rate", "delay_mean_s",
                "delay_min_s", "delay_max_s", "jitter_s", "retransmissions", "timeouts"));
        for (int f = 0; f < flowCount; f++) {
            flows.addRow("f" + (f + 1), "bulk" + (f + 1), "tcp", "h" + (f + 1), "srv", 0.1 * f, 10.0,
                    12_345_678L * (f + 1), 8_500 + f, 9.87e6 / (f + 1), 12 + f, 0.0014, 0.0213, 0.02, 0.0452,
                    0.0011, 12 + f, f % 2);
        }
        flows.addRow("rr", "web<script>", "tcp", "c1", "srv", 0.0, 10.0, 50_000, 400, 40_000.0, 0, 0.0, 0.021,
                0.02, 0.03, 0.001, "", "");
        CsvIO.write(flows, dir.resolve("flows.csv"));

        Table links = new Table(List.of("link", "direction", "from", "to", "rate_bps", "delay_s", "packets_sent",
                "bytes_sent", "drops", "drop_bytes", "queue_max_packets", "queue_mean_packets", "queue_max_bytes",
                "utilisation"));
        links.addRow("bottleneck", "forward", "r1", "r2", 10e6, 0.01, 80_000, 120_000_000L, 30, 45_000, 50, 21.5,
                75_000, 0.97);
        links.addRow("bottleneck", "reverse", "r2", "r1", 10e6, 0.01, 40_000, 2_400_000L, 0, 0, 2, 0.1, 120, 0.02);
        CsvIO.write(links, dir.resolve("links.csv"));

        try (TimeSeriesCsvWriter w = new TimeSeriesCsvWriter(dir.resolve("timeseries.csv"))) {
            writeSeries(w, flowCount, withCwnd);
        }
        Files.writeString(dir.resolve("run.json"), "{\"experiment\":\"dumbbell <" + flowCount + " flows>\","
                + "\"seed\":42,\"simulated_s\":10.0,\"wall_s\":1.25,\"events\":1234567,\"events_per_s\":987653.6,"
                + "\"version\":\"0.1.0\"}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("experiment.yaml"), "name: dumbbell\n# a <b>tag</b> & an ampersand\n"
                + "duration: 10s\nseed: 42\n", StandardCharsets.UTF_8);
        return dir;
    }

    private static void writeSeries(TimeSeriesCsvWriter w, int flowCount, boolean withCwnd) {
        double mss = 1448;
        double[] cwnd = new double[flowCount];
        double[] ssthresh = new double[flowCount];
        double[] seq = new double[flowCount];
        for (int f = 0; f < flowCount; f++) {
            cwnd[f] = 10 * mss;
            ssthresh[f] = 0x7fffffff; // "unlimited" until the first loss
        }
        String link = "bottleneck:r1->r2";
        int drops = 0;
        int retransmits = 0;
        for (int step = 0; step <= 1000; step++) {
            double t = step * 0.01;
            double queue = 0;
            for (int f = 0; f < flowCount; f++) {
                String flow = "f" + (f + 1);
                double target = 60 * mss + 15 * mss * f;
                if (cwnd[f] > target) {
                    // Loss: multiplicative decrease (RFC 5681 section 3.2), a timeout every fourth loss.
                    boolean timeout = (step + f) % 4 == 0;
                    ssthresh[f] = Math.max(cwnd[f] / 2, 2 * mss);
                    cwnd[f] = timeout ? mss : ssthresh[f];
                    retransmits++;
                    w.add(t, "retransmit", flow, seq[f] - 5 * mss);
                    if (timeout) {
                        w.add(t, "timeout", flow, 1);
                    } else {
                        w.add(t, "fast-recovery", flow, 1);
                    }
                    if (f == 0) {
                        drops++;
                    }
                } else if (cwnd[f] < ssthresh[f]) {
                    cwnd[f] = Math.min(cwnd[f] * 1.5, ssthresh[f] + mss);
                } else {
                    cwnd[f] += mss;
                }
                if (withCwnd) {
                    w.add(t, "cwnd", flow, cwnd[f]);
                    w.add(t, "ssthresh", flow, ssthresh[f]);
                }
                double rtt = 0.02 + queue / 1e3;
                w.add(t, "srtt", flow, rtt + 0.001 * Math.sin(step / 10.0 + f));
                w.add(t, "rto", flow, Math.max(0.2, 4 * rtt));
                w.add(t, "goodput", flow, cwnd[f] * 8 / 0.03);
                for (int s = 0; s < 3; s++) {
                    seq[f] += mss;
                    w.add(t + s * 0.003, "seq-sent", flow, seq[f]);
                }
                w.add(t + 0.02, "ack", flow, seq[f] - 2 * mss);
                queue += cwnd[f] / mss / 4;
            }
            w.add(t, "queue", link, Math.min(queue, 50));
            w.add(t, "drops", link, drops);
            w.add(t, "throughput", link, 9.5e6 + 1e5 * Math.sin(step / 20.0));
            w.add(t, "queue", "bottleneck:r2->r1", step % 7 == 0 ? 1 : 0);
            w.add(t, "queue", "access:h1->r1", 0); // an idle link: no queue chart for it
            if (step % 10 == 0) {
                w.add(t, "latency", "web<script>", 0.02 + 0.001 * (step % 37) + (step % 97 == 0 ? 0.2 : 0));
            }
        }
        w.add(10.0, "retransmits", "f1", retransmits);
    }
}
