package org.sockeye.batch;

import org.sockeye.config.MetricSpec;
import org.sockeye.config.SweepSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/**
 * Computes a sweep's {@code runs.csv} and {@code summary.csv} from the run directories that exist.
 * Everything is derived from completed runs on disk, so a killed batch, a resumed one and the
 * merge of several shards all give the same summary as one uninterrupted run.
 */
public final class BatchSummary {
    private final SweepSpec sweep;
    private final BatchPlan plan;

    public BatchSummary(SweepSpec sweep, BatchPlan plan) {
        this.sweep = sweep;
        this.plan = plan;
    }

    /** Where run {@code r}'s results live among {@code roots} (batch output directories), or null. */
    static Path find(List<Path> roots, BatchPlan.Run r) {
        for (Path root : roots) {
            Path d = BatchRunner.runDirectory(root, r);
            if (Files.isRegularFile(d.resolve("run.json"))) {
                return d;
            }
        }
        return null;
    }

    /** Writes runs.csv and summary.csv into {@code out}, reading runs from all {@code roots}. */
    public Table write(Path out, List<Path> roots) throws IOException {
        List<String> params = new ArrayList<>(sweep.parameters().keySet());
        List<String> runCols = new ArrayList<>(List.of("run", "point", "repetition", "seed"));
        runCols.addAll(params);
        runCols.add("status");
        for (MetricSpec m : sweep.metrics()) {
            runCols.add(m.name());
        }
        runCols.add("error");
        Table runs = new Table(runCols);
        Map<Integer, List<double[]>> byPoint = new LinkedHashMap<>();
        for (BatchPlan.Run r : plan.runs()) {
            List<Object> row = new ArrayList<>(List.of(r.id(), r.point().id(), r.repetition(), r.seed()));
            row.addAll(r.point().assignments().values());
            Path dir = find(roots, r);
            String error = "";
            double[] values = new double[sweep.metrics().size()];
            String status;
            if (dir == null) {
                String failed = failure(roots, r);
                status = failed != null ? "failed" : "missing";
                error = failed != null ? failed : "";
                java.util.Arrays.fill(values, Double.NaN);
            } else {
                status = "ok";
                try {
                    values = RunMetrics.read(dir, sweep.metrics());
                    byPoint.computeIfAbsent(r.point().index(), k -> new ArrayList<>()).add(values);
                } catch (IOException | RuntimeException e) {
                    status = "failed";
                    error = "metrics: " + e.getMessage();
                    java.util.Arrays.fill(values, Double.NaN);
                }
            }
            row.add(status);
            for (double v : values) {
                row.add(v);
            }
            row.add(error);
            runs.addRow(row.toArray());
        }
        writeAtomically(runs, out.resolve("runs.csv"));

        List<String> sumCols = new ArrayList<>(List.of("point"));
        sumCols.addAll(params);
        sumCols.add("runs");
        for (MetricSpec m : sweep.metrics()) {
            for (String s : List.of("_mean", "_sd", "_ci95", "_min", "_max")) {
                sumCols.add(m.name() + s);
            }
        }
        Table summary = new Table(sumCols);
        for (BatchPlan.Point p : plan.points()) {
            List<double[]> rows = byPoint.getOrDefault(p.index(), List.of());
            List<Object> row = new ArrayList<>(List.of(p.id()));
            row.addAll(p.assignments().values());
            row.add(rows.size());
            for (int m = 0; m < sweep.metrics().size(); m++) {
                double[] xs = new double[rows.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = rows.get(i)[m];
                }
                Statistics st = Statistics.of(xs);
                row.add(st.mean());
                row.add(st.sd());
                row.add(st.ci95());
                row.add(st.min());
                row.add(st.max());
            }
            summary.addRow(row.toArray());
        }
        writeAtomically(summary, out.resolve("summary.csv"));
        return summary;
    }

    private static String failure(List<Path> roots, BatchPlan.Run r) throws IOException {
        for (Path root : roots) {
            Path f = BatchRunner.failureFile(root, r);
            if (Files.isRegularFile(f)) {
                return Files.readString(f).strip();
            }
        }
        return null;
    }

    static void writeAtomically(Table t, Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        CsvIO.write(t, tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
