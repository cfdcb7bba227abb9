package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.sockeye.batch.BatchRunner;
import org.sockeye.config.SweepLoader;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/** Runs a shipped sweep of topologies/sweeps/ (two jobs, no run reports) and reads its summary. */
final class ScenarioSweep {
    private final Table summary;

    private ScenarioSweep(Table summary) {
        this.summary = summary;
    }

    static ScenarioSweep run(String file, Path out) throws Exception {
        BatchRunner.Outcome o = BatchRunner.run(SweepLoader.load(Path.of("../topologies/sweeps/" + file)), out,
                new BatchRunner.Options(2, 0, 1, false, false), BatchRunner.Listener.NONE);
        assertEquals(List.of(), o.failures());
        return new ScenarioSweep(CsvIO.read(out.resolve("summary.csv")));
    }

    int points() {
        return summary.size();
    }

    /** The number in {@code column} of point {@code row}. */
    double cell(int row, String column) {
        return Double.parseDouble(text(row, column));
    }

    String text(int row, String column) {
        return String.valueOf(summary.rows().get(row).get(summary.columnIndex(column)));
    }
}
