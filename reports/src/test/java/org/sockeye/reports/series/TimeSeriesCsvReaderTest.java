package org.sockeye.reports.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.reports.TimeSeriesCsvWriter;

class TimeSeriesCsvReaderTest {
    private static final String CSV = """
            time_s,series,subject,value
            0,cwnd,f2,14480
            0,queue,bottleneck:r1->r2,0
            0,cwnd,f1,14480
            0.5,cwnd,f2,28960
            0.5,retransmit,f1,2896
            1,cwnd,f1,7240
            1,queue,bottleneck:r1->r2,12
            2,cwnd,f2,30408
            """;

    private static TimeSeriesSet read(String csv, SeriesSelection sel) throws IOException {
        return TimeSeriesCsvReader.read(new StringReader(csv), "test.csv", sel);
    }

    @Test
    void groupsBySeriesThenSubjectInOrderOfFirstAppearance() throws IOException {
        TimeSeriesSet set = read(CSV, SeriesSelection.ALL);
        assertEquals(List.of("cwnd", "queue", "retransmit"), set.seriesNames());
        assertEquals(List.of("f2", "f1"), set.subjects("cwnd"));
        assertEquals(List.of("f2", "bottleneck:r1->r2", "f1"), set.allSubjects());
        TimeSeries f2 = set.get("cwnd", "f2").orElseThrow();
        assertArrayEquals(new double[] {0, 0.5, 2}, f2.times());
        assertArrayEquals(new double[] {14480, 28960, 30408}, f2.values());
        assertEquals(SeriesUnit.BYTES, f2.unit());
        assertEquals(SeriesUnit.PACKETS, set.get("queue", "bottleneck:r1->r2").orElseThrow().unit());
        assertEquals(8, set.sampleCount());
    }

    @Test
    void timeWindowCarriesStateForwardButNotEvents() throws IOException {
        TimeSeriesSet set = read(CSV, new SeriesSelection(s -> true, (s, x) -> true, 0.75, 1.5));
        // cwnd f2 was 28960 from 0.5 s on: that value is in force at the window's start.
        TimeSeries f2 = set.get("cwnd", "f2").orElseThrow();
        assertArrayEquals(new double[] {0.75}, f2.times());
        assertArrayEquals(new double[] {28960}, f2.values());
        TimeSeries f1 = set.get("cwnd", "f1").orElseThrow();
        assertArrayEquals(new double[] {0.75, 1}, f1.times());
        assertArrayEquals(new double[] {14480, 7240}, f1.values());
        // The retransmission at 0.5 s is an event before the window: gone.
        assertFalse(set.has("retransmit"));
    }

    @Test
    void selectionDropsSeriesAndSubjectsWhileReading() throws IOException {
        TimeSeriesSet set = read(CSV, new SeriesSelection(s -> !s.equals("queue"), (s, x) -> !x.equals("f2"),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals(List.of("cwnd", "retransmit"), set.seriesNames());
        assertEquals(List.of("f1"), set.subjects("cwnd"));
    }

    @Test
    void acceptsReorderedAndExtraColumnsAndQuotedNames() throws IOException {
        String csv = "subject,extra,value,series,time_s\n\"a,b\",x,5,goodput,1.5\n\"a,b\",y,,goodput,2\n";
        TimeSeries ts = read(csv, SeriesSelection.ALL).get("goodput", "a,b").orElseThrow();
        assertArrayEquals(new double[] {1.5, 2}, ts.times());
        assertEquals(5, ts.value(0));
        assertTrue(Double.isNaN(ts.value(1)), "a blank value is a gap");
    }

    @Test
    void reportsMissingColumnsAndBadNumbersWithTheLine() {
        IOException missing = assertThrows(IOException.class,
                () -> read("time_s,series,value\n1,cwnd,3\n", SeriesSelection.ALL));
        assertTrue(missing.getMessage().contains("subject"), missing.getMessage());
        IOException bad = assertThrows(IOException.class,
                () -> read("time_s,series,subject,value\n1,cwnd,f1,3\nx,cwnd,f1,4\n", SeriesSelection.ALL));
        assertTrue(bad.getMessage().contains("line 3") && bad.getMessage().contains("'x'"), bad.getMessage());
    }

    @Test
    void emptyFileIsAnEmptySet() throws IOException {
        assertTrue(read("", SeriesSelection.ALL).isEmpty());
        assertTrue(read("time_s,series,subject,value\n", SeriesSelection.ALL).isEmpty());
    }

    @Test
    void readsBackWhatTheWriterWrote(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("timeseries.csv");
        int n = 200_000;
        try (TimeSeriesCsvWriter w = new TimeSeriesCsvWriter(file)) {
            for (int i = 0; i < n; i++) {
                w.add(i * 1e-4, "seq-sent", "f1", i * 1448.0);
                if (i % 1000 == 0) {
                    w.add(i * 1e-4, "cwnd", "f1", 1448.0 * (i / 1000));
                }
            }
        }
        TimeSeriesSet set = TimeSeriesCsvReader.read(file);
        TimeSeries seq = set.get("seq-sent", "f1").orElseThrow();
        assertEquals(n, seq.size());
        assertEquals((n - 1) * 1448.0, seq.value(n - 1));
        assertEquals((n - 1) * 1e-4, seq.time(n - 1), 1e-12);
        assertEquals(200, set.get("cwnd", "f1").orElseThrow().size());
    }

    @Test
    void stepLookupsHoldTheLastValue() {
        TimeSeries ts = new TimeSeries("cwnd", "f", new double[] {1, 2, 2, 3}, new double[] {10, 20, 25, 30});
        assertTrue(Double.isNaN(ts.stepValueAt(0.5)));
        assertEquals(10, ts.stepValueAt(1.5));
        assertEquals(25, ts.stepValueAt(2));
        assertEquals(10, ts.stepValueBefore(2));
        assertEquals(30, ts.stepValueAt(9));
        assertEquals(30, ts.maxValue());
    }
}
