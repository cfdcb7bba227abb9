package org.sockeye.reports.series;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Which rows of a tidy time-series file to keep while reading: series names, (series, subject)
 * pairs and a closed time window [from, to] in seconds. Filtering while streaming keeps memory in
 * proportion to what is drawn, not to the size of the file.
 */
public record SeriesSelection(Predicate<String> series, BiPredicate<String, String> subjects,
                              double from, double to) {
    public static final SeriesSelection ALL =
            new SeriesSelection(s -> true, (s, subject) -> true, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);

    public SeriesSelection {
        if (!(from <= to)) {
            throw new IllegalArgumentException("time window is empty: from " + from + " to " + to);
        }
    }

    public boolean accepts(String seriesName, String subject) {
        return series.test(seriesName) && subjects.test(seriesName, subject);
    }
}
