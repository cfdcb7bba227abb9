package org.sockeye.reports.series;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a tidy {@code time_s,series,subject,value} CSV into a {@link TimeSeriesSet}. Rows are
 * token-streamed through Jackson and appended to primitive arrays; nothing is boxed per row (the
 * parser still makes one short-lived String per cell, which the young generation absorbs).
 */
public final class TimeSeriesCsvReader {
    private static final CsvMapper MAPPER = new CsvMapper();

    private TimeSeriesCsvReader() {
    }

    public static TimeSeriesSet read(Path file) throws IOException {
        return read(file, SeriesSelection.ALL);
    }

    public static TimeSeriesSet read(Path file, SeriesSelection selection) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return read(r, file.getFileName().toString(), selection);
        }
    }

    /** Reads from {@code in}; {@code name} is only used in error messages. */
    public static TimeSeriesSet read(Reader in, String name, SeriesSelection selection) throws IOException {
        TimeSeriesSet set = new TimeSeriesSet();
        Map<String, Map<String, Builder>> builders = new LinkedHashMap<>();
        try (CsvParser p = MAPPER.getFactory().createParser(in)) {
            String[] headerCells = new String[64];
            int headerSize = readRow(p, headerCells);
            if (headerSize < 0) {
                return set; // empty file: no series
            }
            String[] header = java.util.Arrays.copyOf(headerCells, Math.min(headerSize, headerCells.length));
            Columns cols = Columns.of(header, name);
            String[] cells = new String[Math.max(header.length, 4)];
            // The previous row's key, so runs of one series skip both map look-ups.
            String lastSeries = null;
            String lastSubject = null;
            Builder last = null;
            long line = 1;
            while (readRow(p, cells) >= 0) {
                line++;
                String series = cells[cols.series];
                String subject = cells[cols.subject];
                if (series == null || subject == null || series.isEmpty()) {
                    continue; // blank or short line
                }
                Builder b;
                if (series.equals(lastSeries) && subject.equals(lastSubject)) {
                    b = last;
                } else {
                    set.noteSubject(subject);
                    b = builders.computeIfAbsent(series, k -> new LinkedHashMap<>())
                            .computeIfAbsent(subject, k -> selection.accepts(series, k)
                                    ? new Builder(series, k) : Builder.REJECTED);
                    lastSeries = series;
                    lastSubject = subject;
                    last = b;
                }
                if (b == Builder.REJECTED) {
                    continue;
                }
                double t = parse(cells[cols.time], name, line, "time_s");
                double v = cells[cols.value] == null || cells[cols.value].isEmpty()
                        ? Double.NaN : parse(cells[cols.value], name, line, "value");
                b.offer(t, v, selection.from(), selection.to());
            }
        }
        for (Map<String, Builder> bySubject : builders.values()) {
            for (Builder b : bySubject.values()) {
                if (b != Builder.REJECTED) {
                    TimeSeries ts = b.build(selection.from());
                    if (!ts.isEmpty()) {
                        set.add(ts);
                    }
                }
            }
        }
        return set;
    }

    /**
     * Reads one CSV record into {@code cells}: missing cells become null, cells beyond the array are
     * ignored. Returns the record's cell count, or -1 at end of input.
     */
    private static int readRow(CsvParser p, String[] cells) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return -1;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new IOException("unexpected CSV token " + t);
        }
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (i < cells.length) {
                cells[i] = p.getText().trim();
            }
            i++;
        }
        for (int j = i; j < cells.length; j++) {
            cells[j] = null;
        }
        return i;
    }

    private static double parse(String s, String file, long line, String column) throws IOException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException(file + " line " + line + ": " + column + " is not a number: '" + s + "'");
        }
    }

    /** Where each needed column sits in the header, so extra or reordered columns are fine. */
    private record Columns(int time, int series, int subject, int value) {
        static Columns of(String[] header, String file) throws IOException {
            List<String> h = java.util.Arrays.stream(header).map(c -> c == null ? "" : c).toList();
            int[] idx = new int[4];
            String[] need = {"time_s", "series", "subject", "value"};
            for (int i = 0; i < need.length; i++) {
                idx[i] = h.indexOf(need[i]);
                if (idx[i] < 0) {
                    throw new IOException(file + ": missing column '" + need[i] + "' (header: "
                            + String.join(",", h) + ")");
                }
            }
            return new Columns(idx[0], idx[1], idx[2], idx[3]);
        }
    }

    /** Collects one (series, subject) pair, applying the time window. */
    private static final class Builder {
        static final Builder REJECTED = new Builder("", "");

        private final String series;
        private final String subject;
        private final boolean carryForward;
        private final DoubleList times = new DoubleList();
        private final DoubleList values = new DoubleList();
        private double before = Double.NaN;
        private boolean hasBefore;

        Builder(String series, String subject) {
            this.series = series;
            this.subject = subject;
            this.carryForward = !SeriesCatalog.isEventSeries(series);
        }

        void offer(double t, double v, double from, double to) {
            if (t < from) {
                // A state series keeps its last value from before the window: it is in force at "from".
                before = v;
                hasBefore = carryForward;
                return;
            }
            if (t > to) {
                return;
            }
            if (hasBefore) {
                if (t > from) {
                    times.add(from);
                    values.add(before);
                }
                hasBefore = false;
            }
            times.add(t);
            values.add(v);
        }

        TimeSeries build(double from) {
            if (hasBefore && times.size() == 0) {
                // Only earlier samples: the series held one value throughout the window.
                times.add(from);
                values.add(before);
            }
            return new TimeSeries(series, subject, times.toArray(), values.toArray());
        }
    }
}
