package org.sockeye.reports;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams time series in tidy long format, one sample a row: {@code time_s,series,subject,value}.
 * Rows go out as they are added, so a long run never holds its series in memory.
 */
public final class TimeSeriesCsvWriter implements AutoCloseable {
    public static final String[] COLUMNS = {"time_s", "series", "subject", "value"};

    private final SequenceWriter out;
    private final Object[] row = new Object[4];

    public TimeSeriesCsvWriter(Path file) throws IOException {
        this(Files.newBufferedWriter(file));
    }

    public TimeSeriesCsvWriter(Writer w) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        for (String c : COLUMNS) {
            schema.addColumn(c);
        }
        out = new CsvMapper().writer(schema.build()).writeValues(w);
    }

    /** A sample at simulated time {@code timePs} (picoseconds), written as exact decimal seconds. */
    public void add(long timePs, String series, String subject, double value) {
        write(Formats.seconds(timePs), series, subject, value);
    }

    public void add(double timeSeconds, String series, String subject, double value) {
        write(Formats.number(timeSeconds), series, subject, value);
    }

    private void write(String time, String series, String subject, double value) {
        row[0] = time;
        row[1] = series;
        row[2] = subject;
        row[3] = Formats.number(value);
        try {
            out.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
