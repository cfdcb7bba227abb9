package org.sockeye.reports;

import java.nio.file.Path;
import java.util.List;
import org.sockeye.reports.html.ChartEntry;

/** What {@link ResultsReport#render} wrote: the page, the charts (in page order) and notes shown on it. */
public record ReportResult(Path index, List<ChartEntry> charts, List<String> notes) {
    public ReportResult {
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
    }
}
