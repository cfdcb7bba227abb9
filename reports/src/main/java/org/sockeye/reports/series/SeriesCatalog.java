package org.sockeye.reports.series;

import java.util.Map;

/**
 * The series names the emulator writes to {@code timeseries.csv}, with their units, in one place.
 * Unknown names are allowed (they load and can be filtered) but get no dedicated chart.
 */
public final class SeriesCatalog {
    // Link series: subject is "link:from->to".
    public static final String QUEUE = "queue";
    public static final String QUEUE_BYTES = "queue-bytes";
    public static final String THROUGHPUT = "throughput";
    public static final String DROPS = "drops";
    // Flow series: subject is the flow or application name.
    public static final String GOODPUT = "goodput";
    public static final String CWND = "cwnd";
    public static final String SSTHRESH = "ssthresh";
    public static final String SRTT = "srtt";
    public static final String RTO = "rto";
    public static final String INFLIGHT = "inflight";
    public static final String RWND = "rwnd";
    public static final String RETRANSMITS = "retransmits";
    // Event series: one row per event.
    public static final String RETRANSMIT = "retransmit";
    public static final String TIMEOUT = "timeout";
    public static final String FAST_RECOVERY = "fast-recovery";
    public static final String SEQ_SENT = "seq-sent";
    public static final String ACK = "ack";
    // Request-response.
    public static final String LATENCY = "latency";
    // Host series: subject is the host name.
    public static final String CPU = "cpu";
    public static final String SOFTIRQ = "softirq";
    public static final String INTERRUPTS = "interrupts";
    public static final String CONTEXT_SWITCHES = "context-switches";

    private static final Map<String, SeriesUnit> UNITS = Map.ofEntries(
            Map.entry(QUEUE, SeriesUnit.PACKETS),
            Map.entry(QUEUE_BYTES, SeriesUnit.BYTES),
            Map.entry(THROUGHPUT, SeriesUnit.BITS_PER_SECOND),
            Map.entry(DROPS, SeriesUnit.PACKETS),
            Map.entry(GOODPUT, SeriesUnit.BITS_PER_SECOND),
            Map.entry(CWND, SeriesUnit.BYTES),
            Map.entry(SSTHRESH, SeriesUnit.BYTES),
            Map.entry(SRTT, SeriesUnit.SECONDS),
            Map.entry(RTO, SeriesUnit.SECONDS),
            Map.entry(INFLIGHT, SeriesUnit.BYTES),
            Map.entry(RWND, SeriesUnit.BYTES),
            Map.entry(RETRANSMITS, SeriesUnit.COUNT),
            Map.entry(RETRANSMIT, SeriesUnit.SEQUENCE),
            Map.entry(TIMEOUT, SeriesUnit.EVENT),
            Map.entry(FAST_RECOVERY, SeriesUnit.EVENT),
            Map.entry(SEQ_SENT, SeriesUnit.SEQUENCE),
            Map.entry(ACK, SeriesUnit.SEQUENCE),
            Map.entry(LATENCY, SeriesUnit.SECONDS),
            Map.entry(CPU, SeriesUnit.FRACTION),
            Map.entry(SOFTIRQ, SeriesUnit.FRACTION),
            Map.entry(INTERRUPTS, SeriesUnit.COUNT),
            Map.entry(CONTEXT_SWITCHES, SeriesUnit.COUNT));

    private SeriesCatalog() {
    }

    private static final java.util.Set<String> EVENTS =
            java.util.Set.of(RETRANSMIT, TIMEOUT, FAST_RECOVERY, SEQ_SENT, ACK, LATENCY);

    /**
     * Event series have one row per event; the others are sampled state that holds until the next
     * sample (so a time window may carry the last earlier sample forward to its start).
     */
    public static boolean isEventSeries(String series) {
        return EVENTS.contains(series);
    }

    public static SeriesUnit unitOf(String series) {
        return UNITS.getOrDefault(series, SeriesUnit.UNKNOWN);
    }

    /** Link subjects are written as {@code link:from->to}; flow subjects never contain "->". */
    public static boolean isLinkSubject(String subject) {
        return subject.contains("->");
    }

    /** The link name of a link subject ({@code bottleneck} for {@code bottleneck:r1->r2}). */
    public static String linkName(String subject) {
        int colon = subject.indexOf(':');
        return colon < 0 ? subject : subject.substring(0, colon);
    }
}
