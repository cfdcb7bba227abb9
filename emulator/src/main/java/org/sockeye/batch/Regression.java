package org.sockeye.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sockeye.config.ConfigException;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.config.RegressSpec;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Formats;
import org.sockeye.reports.Table;
import org.sockeye.run.ExperimentRunner;
import org.sockeye.run.Simulation;

/**
 * Runs a regression set and compares each experiment's key metrics with the committed baselines.
 * Simulation is deterministic, so on unchanged code every metric matches exactly; the tolerances
 * say how far an intended model change may move them before someone has to look.
 */
public final class Regression {
    /** One compared metric. Status: ok, MOVED (outside tolerance), NEW (no baseline), FAILED (no value). */
    public record Row(String experiment, String metric, double baseline, double actual, String tolerance,
            String status) {
        public boolean passed() {
            return status.equals("ok");
        }
    }

    private Regression() {
    }

    public static List<Row> run(RegressSpec set, Path out, int jobs) throws IOException, InterruptedException {
        Map<String, Double> baselines = readBaselines(set.baselines());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<List<Row>>> futures = new ArrayList<>();
            for (RegressSpec.Case c : set.cases()) {
                futures.add(pool.submit(() -> runCase(c, out.resolve(c.name()), baselines)));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<List<Row>> f : futures) {
                try {
                    rows.addAll(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Row> runCase(RegressSpec.Case c, Path dir, Map<String, Double> baselines) {
        List<Row> rows = new ArrayList<>();
        double[] actual = null;
        String error = null;
        try {
            ExperimentRunner.run(ExperimentLoader.load(c.experiment(), c.overrides()), dir, Simulation.Progress.NONE);
            actual = RunMetrics.read(dir, c.checks().stream().map(RegressSpec.Check::metric).toList());
        } catch (ConfigException e) {
            error = e.getMessage();
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        for (int i = 0; i < c.checks().size(); i++) {
            RegressSpec.Check check = c.checks().get(i);
            String metric = check.metric().name();
            Double base = baselines.get(key(c.name(), metric));
            double value = actual == null ? Double.NaN : actual[i];
            String status;
            if (actual == null) {
                status = "FAILED: " + error;
            } else if (base == null) {
                status = "NEW";
            } else {
                status = check.tolerance().accepts(base, value) ? "ok" : "MOVED";
            }
            rows.add(new Row(c.name(), metric, base == null ? Double.NaN : base, value, check.tolerance().toString(),
                    status));
        }
        return rows;
    }

    /** Rewrites the baselines with the values just measured (--update). */
    public static void writeBaselines(Path file, List<Row> rows) throws IOException {
        Table t = new Table("experiment", "metric", "value");
        for (Row r : rows) {
            if (!Double.isNaN(r.actual())) {
                t.addRow(r.experiment(), r.metric(), r.actual());
            }
        }
        BatchSummary.writeAtomically(t, file);
    }

    /** The comparison as a table for people: what moved, by how much, against what tolerance. */
    public static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-20s %-22s %16s %16s %9s %9s  %s%n";
        sb.append(String.format(fmt, "experiment", "metric", "baseline", "actual", "change", "tolerance", "status"));
        for (Row r : rows) {
            String change = Double.isNaN(r.baseline()) || Double.isNaN(r.actual()) || r.baseline() == 0 ? "-"
                    : String.format("%+.2f%%", 100 * (r.actual() - r.baseline()) / Math.abs(r.baseline()));
            sb.append(String.format(fmt, r.experiment(), r.metric(), Formats.number(r.baseline()),
                    Formats.number(r.actual()), change, r.tolerance(), r.status()));
        }
        return sb.toString();
    }

    private static Map<String, Double> readBaselines(Path file) throws IOException {
        Map<String, Double> m = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return m;
        }
        Table t = CsvIO.read(file);
        int e = t.columnIndex("experiment");
        int k = t.columnIndex("metric");
        int v = t.columnIndex("value");
        for (List<Object> row : t.rows()) {
            String value = String.valueOf(row.get(v));
            m.put(key(String.valueOf(row.get(e)), String.valueOf(row.get(k))),
                    value.isEmpty() ? Double.NaN : Double.parseDouble(value));
        }
        return m;
    }

    private static String key(String experiment, String metric) {
        return experiment + "\u0000" + metric;
    }
}
