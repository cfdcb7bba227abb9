package org.sockeye.config;

import java.util.List;
import java.util.Map;

/**
 * What to record as time series: a sampling interval and, per series name, the subjects (link
 * names, application names) it applies to; an empty subject list means all.
 *
 * <p>{@code charts} names the charts to draw ({@code all} by default, or none with an empty list) and
 * {@code chartFormats} their formats (png, svg).
 *
 * <p>{@code pcap} lists links captured to {@code pcap/<link>.pcap} (both directions), frames cut to
 * {@code snapLength} bytes in the file. Link series: {@code queue} (packets), {@code queue-bytes}, {@code throughput} (bits/s over the
 * interval), {@code drops} (cumulative). Flow series: {@code goodput} (bits/s received over the
 * interval, per sink flow).
 */
public record RecordSpec(long intervalPs, Map<String, List<String>> series, int snapLength, List<String> charts,
        List<String> chartFormats) {
    public static final long DEFAULT_INTERVAL_PS = 10_000_000_000L; // 10 ms
    /** Capture whole frames unless told otherwise (tcpdump's default snap length). */
    public static final int DEFAULT_SNAPLEN = 262_144;
    /** The pseudo-series whose subjects are the links captured to pcap files. */
    public static final String PCAP = "pcap";
    /** A host's loopback interface in capture names: {@code host:lo}. */
    public static final String LOOPBACK = "lo";

    /** Every chart the recorded data supports. */
    public static final List<String> ALL_CHARTS = List.of("all");
    public static final List<String> DEFAULT_CHART_FORMATS = List.of("png", "svg");

    public RecordSpec(long intervalPs, Map<String, List<String>> series) {
        this(intervalPs, series, DEFAULT_SNAPLEN, ALL_CHARTS, DEFAULT_CHART_FORMATS);
    }

    public boolean wants(String seriesName) {
        return series.containsKey(seriesName);
    }

    /** Whether {@code subject} is selected for {@code seriesName}. */
    /** Whether {@code subject} is named in {@code seriesName}'s list (not merely covered by {@code all}). */
    public boolean names(String seriesName, String subject) {
        List<String> subjects = series.get(seriesName);
        return subjects != null && subjects.contains(subject);
    }

    public boolean wants(String seriesName, String subject) {
        List<String> subjects = series.get(seriesName);
        return subjects != null && (subjects.isEmpty() || subjects.contains(subject));
    }
}
