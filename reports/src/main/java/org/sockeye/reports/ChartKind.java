package org.sockeye.reports;

import java.util.List;
import java.util.Locale;
import org.sockeye.reports.series.SeriesCatalog;

/**
 * The kinds of chart a report can hold, in report order, with the series that call for each (any
 * one present draws it) and the series each draws (loaded when the chart is selected).
 */
public enum ChartKind {
    GOODPUT("goodput", List.of(SeriesCatalog.GOODPUT), List.of()),
    QUEUE("queue", List.of(SeriesCatalog.QUEUE, SeriesCatalog.QUEUE_BYTES), List.of(SeriesCatalog.DROPS)),
    LINK_THROUGHPUT("link-throughput", List.of(SeriesCatalog.THROUGHPUT), List.of()),
    LATENCY_CDF("latency-cdf", List.of(SeriesCatalog.LATENCY), List.of()),
    CWND("cwnd", List.of(SeriesCatalog.CWND),
            List.of(SeriesCatalog.SSTHRESH, SeriesCatalog.RETRANSMIT, SeriesCatalog.TIMEOUT,
                    SeriesCatalog.FAST_RECOVERY)),
    RTT("rtt", List.of(SeriesCatalog.SRTT, SeriesCatalog.RTO), List.of()),
    TIME_SEQUENCE("tseq", List.of(SeriesCatalog.SEQ_SENT, SeriesCatalog.ACK), List.of(SeriesCatalog.RETRANSMIT)),
    CPU("cpu", List.of(SeriesCatalog.CPU), List.of(SeriesCatalog.SOFTIRQ));

    private final String id;
    private final List<String> triggers;
    private final List<String> extras;

    ChartKind(String id, List<String> triggers, List<String> extras) {
        this.id = id;
        this.triggers = triggers;
        this.extras = extras;
    }

    /** The short name used on the command line and in file names. */
    public String id() {
        return id;
    }

    /** Series whose presence (any of them) calls for this chart. */
    public List<String> triggers() {
        return triggers;
    }

    /** Whether this chart draws the given series. */
    public boolean draws(String series) {
        return triggers.contains(series) || extras.contains(series);
    }

    /** Parses an id ("cwnd", "tseq") or enum name ("TIME_SEQUENCE"), ignoring case. */
    public static ChartKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (ChartKind c : values()) {
            if (c.id.equals(k) || c.name().toLowerCase(Locale.ROOT).equals(k)
                    || c.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown chart '" + s + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(ChartKind::id).toList()));
    }
}
