package org.sockeye.reports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link Table}s as RFC 4180 CSV with a header row, through Jackson. */
public final class CsvIO {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvIO() {
    }

    public static void write(Table table, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            write(table, w);
        }
    }

    public static void write(Table table, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        for (String c : table.columns()) {
            schema.addColumn(c);
        }
        try (SequenceWriter w = MAPPER.writer(schema.build()).writeValues(out)) {
            for (List<Object> row : table.rows()) {
                Object[] cells = new Object[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = Formats.cell(row.get(i));
                }
                w.write(cells);
            }
        }
    }

    private static String[] padded(String[] r, int width) {
        String[] out = java.util.Arrays.copyOf(r, width);
        for (int i = r.length; i < width; i++) {
            out[i] = "";
        }
        return out;
    }

    /** Reads a CSV with a header row; every value is read as a String. */
    public static Table read(Path file) throws IOException {
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(file.toFile())) {
            if (!it.hasNext()) {
                throw new IOException(file + ": empty CSV (no header row)");
            }
            Table t = new Table(List.of(it.next()));
            List<String[]> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(it.next());
            }
            int width = t.columns().size();
            for (String[] r : rows) {
                if (r.length == 1 && r[0].isEmpty()) {
                    continue; // blank line
                }
                // Short rows (trailing cells left out) read as blanks; extra cells are ignored.
                t.addRow((Object[]) (r.length == width ? r : padded(r, width)));
            }
            return t;
        }
    }
}
