package org.sockeye.config;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds the {@code record:} block: the sampling interval and the series to record, with their subjects. */
final class RecordBinder {
    static final String INTERVAL = "interval";
    static final String ALL = "all";
    static final String SNAPLEN = "snaplen";
    static final String CHARTS = "charts";
    static final String CHART_FORMATS = "chart-formats";
    /** Chart names as the reports module knows them, plus all and none. */
    static final Set<String> CHART_KINDS = ImmutableSet.of("all", "none", "goodput", "queue", "link-throughput",
            "latency-cdf", "cwnd", "rtt", "tseq", "cpu");
    /** Series sampled per link (subjects are link names). */
    static final Set<String> LINK_SERIES = ImmutableSet.of("queue", "queue-bytes", "throughput", "drops");
    /**
     * Series per flow (subjects are application names). TCP: srtt, rto, inflight, rwnd and
     * retransmits are sampled; cwnd and ssthresh are traced on every change (cwnd brings ssthresh
     * and retransmit markers along); retransmit adds one row per retransmitted segment; sequence
     * adds the seq-sent and ack rows of a time–sequence graph. latency adds a row per operation of
     * an application that measures operations (request–response, echo, HTTP), for its CDF.
     */
    static final Set<String> FLOW_SERIES = ImmutableSet.of("goodput", "cwnd", "ssthresh", "srtt", "rto", "inflight",
            "retransmits", "rwnd", "retransmit", "sequence", "latency");
    /**
     * Series per host (subjects are host names): cpu (utilisation of all its cores over the
     * interval) and softirq (the part of it in interrupt and NAPI work), both 0 for hosts not
     * modelled as machines; interrupts and context-switches (cumulative counts).
     */
    static final Set<String> HOST_SERIES = ImmutableSet.of("cpu", "softirq", "interrupts", "context-switches");
    private static final List<String> KEYS = keys();

    private final ValueReader values;
    private final ConfigErrors errors;
    private final Set<String> links;
    private final Set<String> applications;
    private final Set<String> hosts;
    private final Set<String> captures;

    RecordBinder(ValueReader values, Set<String> links, Set<String> applications, Set<String> hosts,
            Set<String> captures) {
        this.hosts = hosts;
        this.captures = captures;
        this.values = values;
        this.errors = values.errors();
        this.links = links;
        this.applications = applications;
    }

    RecordSpec bind(YamlNode node) {
        if (node == null) {
            return new RecordSpec(RecordSpec.DEFAULT_INTERVAL_PS, Map.of());
        }
        YamlMap map = values.map(node, "record");
        if (map == null) {
            return new RecordSpec(RecordSpec.DEFAULT_INTERVAL_PS, Map.of());
        }
        Map<String, List<String>> series = new LinkedHashMap<>();
        long interval = RecordSpec.DEFAULT_INTERVAL_PS;
        int snapLength = RecordSpec.DEFAULT_SNAPLEN;
        List<String> charts = RecordSpec.ALL_CHARTS;
        List<String> formats = RecordSpec.DEFAULT_CHART_FORMATS;
        for (YamlMap.Entry e : map.entries()) {
            String key = e.key().text();
            if (key.equals(INTERVAL)) {
                YamlScalar s = e.value() instanceof YamlScalar sc ? sc : null;
                if (s == null) {
                    errors.at(e.value(), "interval must be a single value, got " + e.value().kindName());
                }
                interval = values.positiveTime(s, "interval", RecordSpec.DEFAULT_INTERVAL_PS);
            } else if (key.equals(SNAPLEN)) {
                YamlScalar s = e.value() instanceof YamlScalar sc ? sc : null;
                long v = values.size(s, RecordSpec.DEFAULT_SNAPLEN);
                if (s == null || v < 64 || v > RecordSpec.DEFAULT_SNAPLEN) {
                    errors.at(e.value(), "snaplen must be a size between 64B and 256KiB");
                } else {
                    snapLength = (int) v;
                }
            } else if (key.equals(CHARTS)) {
                charts = words(e.value(), CHART_KINDS, "chart");
            } else if (key.equals(CHART_FORMATS)) {
                formats = words(e.value(), Set.of("png", "svg"), "chart format");
            } else if (LINK_SERIES.contains(key)) {
                series.put(key, subjects(key, e.value(), "link", links));
            } else if (key.equals(RecordSpec.PCAP)) {
                series.put(key, subjects(key, e.value(), "link or interface", captures));
            } else if (HOST_SERIES.contains(key)) {
                series.put(key, subjects(key, e.value(), "host", hosts));
            } else if (FLOW_SERIES.contains(key)) {
                series.put(key, subjects(key, e.value(), "application", applications));
            } else {
                errors.at(e.key(), "unknown record series '" + key + "'" + DidYouMean.suffix(key, KEYS));
            }
        }
        return new RecordSpec(interval, Collections.unmodifiableMap(series), snapLength, charts, formats);
    }

    /** One word or a list of words from {@code known}: {@code none} is the empty list. */
    private List<String> words(YamlNode node, Set<String> known, String what) {
        List<YamlScalar> items = new ArrayList<>();
        if (node instanceof YamlScalar s) {
            items.add(s);
        } else if (node instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlScalar s) {
                    items.add(s);
                } else {
                    errors.at(item, "a " + what + " must be a single word, got " + item.kindName());
                }
            }
        } else {
            errors.at(node, what + "s must be a word or a list of words");
        }
        List<String> out = new ArrayList<>();
        for (YamlScalar s : items) {
            if (!known.contains(s.text())) {
                errors.at(s, "unknown " + what + " '" + s.text() + "'" + DidYouMean.suffix(s.text(), known));
            } else if (!s.text().equals("none")) {
                out.add(s.text());
            }
        }
        return List.copyOf(out);
    }

    /** {@code all} (an empty list in {@link RecordSpec}), one name, or a list of names. */
    private List<String> subjects(String series, YamlNode node, String kind, Set<String> known) {
        List<YamlScalar> items = new ArrayList<>();
        if (node instanceof YamlScalar s) {
            if (s.text().equals(ALL)) {
                return List.of();
            }
            items.add(s);
        } else if (node instanceof YamlList list) {
            if (list.items().isEmpty()) {
                errors.at(node, "record series '" + series + "' has no subjects (use 'all' for every " + kind + ")");
            }
            for (YamlNode item : list.items()) {
                if (item instanceof YamlScalar s) {
                    items.add(s);
                } else {
                    errors.at(item, "a subject of record series '" + series + "' must be a " + kind + " name, got "
                            + item.kindName());
                }
            }
        } else {
            errors.at(node, "record series '" + series + "' must be 'all' or a list of " + kind + " names");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlScalar s : items) {
            if (!known.contains(s.text())) {
                errors.at(s, "unknown " + kind + " '" + s.text() + "' in record series '" + series + "'"
                        + DidYouMean.suffix(s.text(), known));
            } else if (!out.contains(s.text())) {
                out.add(s.text());
            }
        }
        return List.copyOf(out);
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(INTERVAL, SNAPLEN, RecordSpec.PCAP, CHARTS, CHART_FORMATS));
        keys.addAll(LINK_SERIES);
        keys.addAll(FLOW_SERIES);
        keys.addAll(HOST_SERIES);
        return List.copyOf(keys);
    }
}
