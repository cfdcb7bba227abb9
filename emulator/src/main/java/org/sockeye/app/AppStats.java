package org.sockeye.app;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.sockeye.protocols.Errno;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.sim.Time;

/**
 * What one application measured of its operations (requests, echoes, page loads): how many,
 * their latencies, the connections it opened and the errors its system calls returned, by errno.
 * Latency percentiles are exact (nearest rank over every sample), not estimated from buckets.
 */
public final class AppStats {
    public final String name;
    /** The application whose row this is: {@link #name}, or the owner of a part's row ({@code load/connect}). */
    public final String application;
    public final String type;
    public final String node;
    /** When operations may happen: the application's start and stop (ops/s is over this window). */
    public final long startPs;
    public final long stopPs;
    private long operations;
    private long bytes;
    private long connections;
    private final LongArrayList latencies = new LongArrayList();
    private final Map<String, Long> errors = new TreeMap<>();
    private TimeSeriesCsvWriter latencySeries;
    private long[] sorted;

    public AppStats(String name, String type, String node, long startPs, long stopPs) {
        this(name, name, type, node, startPs, stopPs);
    }

    /** The statistics of a part of {@code application} (its connects, say), in a row of its own. */
    public AppStats(String name, String application, String type, String node, long startPs, long stopPs) {
        this.name = name;
        this.application = application;
        this.type = type;
        this.node = node;
        this.startPs = startPs;
        this.stopPs = stopPs;
    }

    /** Also writes each operation's latency as a {@code latency} row of the time series. */
    public void recordLatencies(TimeSeriesCsvWriter series) {
        this.latencySeries = series;
    }

    /** An operation completed at {@code nowPs}, {@code latencyPs} after it was issued, moving {@code bytes}. */
    public void operation(long latencyPs, long bytes, long nowPs) {
        operations++;
        this.bytes += bytes;
        latencies.add(latencyPs);
        sorted = null;
        if (latencySeries != null) {
            latencySeries.add(nowPs, "latency", name, Time.toSeconds(latencyPs));
        }
    }

    /** A system call failed: counted by its errno name. */
    public void error(long result) {
        errors.merge(Errno.describe(result), 1L, Long::sum);
    }

    /** A failure that is not a system call's (a timeout of the application's own, a refused request). */
    public void error(String what) {
        errors.merge(what, 1L, Long::sum);
    }

    public void connectionOpened() {
        connections++;
    }

    public long operations() {
        return operations;
    }

    public long bytes() {
        return bytes;
    }

    public long connections() {
        return connections;
    }

    public long errors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public long errors(String what) {
        return errors.getOrDefault(what, 0L);
    }

    /** Errors by errno name, e.g. {@code EADDRNOTAVAIL:12 ECONNREFUSED:3}. */
    public String errorDetail() {
        StringBuilder b = new StringBuilder();
        errors.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append(':').append(v));
        return b.toString();
    }

    /** The {@code q}-quantile (0 &lt; q &lt;= 1) of latency by nearest rank, in ps; -1 without samples. */
    public long latencyPercentilePs(double q) {
        if (latencies.isEmpty()) {
            return -1;
        }
        if (sorted == null) {
            sorted = latencies.toLongArray();
            Arrays.sort(sorted);
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double meanLatencyPs() {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < latencies.size(); i++) {
            sum += latencies.getLong(i);
        }
        return sum / latencies.size();
    }

    /** Operations per second over the application's lifetime, clipped to {@code durationPs}. */
    public double operationsPerSecond(long durationPs) {
        double seconds = Time.toSeconds(Math.min(stopPs, durationPs) - startPs);
        return seconds > 0 ? operations / seconds : 0.0;
    }
}
