package org.sockeye.reports.series;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Time series grouped by series name, then by subject, both in order of first appearance in the
 * file (that order is what makes colours and panel order stable from run to run).
 */
public final class TimeSeriesSet {
    private final Map<String, Map<String, TimeSeries>> bySeries = new LinkedHashMap<>();
    private final Set<String> subjectOrder = new LinkedHashSet<>();

    /** Records that a subject was seen, so {@link #allSubjects()} follows file order. */
    void noteSubject(String subject) {
        subjectOrder.add(subject);
    }

    /** Adds a series; a (series, subject) pair may be added only once. */
    public TimeSeriesSet add(TimeSeries ts) {
        Map<String, TimeSeries> subjects = bySeries.computeIfAbsent(ts.series(), k -> new LinkedHashMap<>());
        if (subjects.putIfAbsent(ts.subject(), ts) != null) {
            throw new IllegalArgumentException("duplicate series " + ts.series() + " for " + ts.subject());
        }
        subjectOrder.add(ts.subject());
        return this;
    }

    /** Series names in order of first appearance. */
    public List<String> seriesNames() {
        return List.copyOf(bySeries.keySet());
    }

    public boolean has(String series) {
        return bySeries.containsKey(series);
    }

    /** Subjects that have the given series, in order of first appearance. */
    public List<String> subjects(String series) {
        Map<String, TimeSeries> m = bySeries.get(series);
        return m == null ? List.of() : List.copyOf(m.keySet());
    }

    /** All series of the given name, in subject order. */
    public List<TimeSeries> all(String series) {
        Map<String, TimeSeries> m = bySeries.get(series);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    public Optional<TimeSeries> get(String series, String subject) {
        Map<String, TimeSeries> m = bySeries.get(series);
        return Optional.ofNullable(m == null ? null : m.get(subject));
    }

    /** Every subject of any series, in order of first appearance across the file. */
    public List<String> allSubjects() {
        List<String> out = new ArrayList<>(subjectOrder.size());
        for (String s : subjectOrder) {
            for (Map<String, TimeSeries> m : bySeries.values()) {
                if (m.containsKey(s)) {
                    out.add(s);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Total number of samples held. */
    public long sampleCount() {
        long n = 0;
        for (Map<String, TimeSeries> m : bySeries.values()) {
            for (TimeSeries ts : m.values()) {
                n += ts.size();
            }
        }
        return n;
    }

    public boolean isEmpty() {
        return bySeries.isEmpty();
    }
}
