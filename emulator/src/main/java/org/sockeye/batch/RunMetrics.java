package org.sockeye.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockeye.config.MetricSpec;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/** Reads metrics out of one run's results directory (flows.csv, links.csv, run.json). */
public final class RunMetrics {
    private RunMetrics() {
    }

    /** The value of each metric, in order; each table is read once. */
    public static double[] read(Path runDir, List<MetricSpec> metrics) throws IOException {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        double[] v = new double[metrics.size()];
        for (int i = 0; i < v.length; i++) {
            MetricSpec m = metrics.get(i);
            List<Map<String, String>> rows = tables.get(m.table());
            if (rows == null) {
                rows = m.table().equals("run") ? runJson(runDir) : csvRows(runDir.resolve(m.table() + ".csv"));
                tables.put(m.table(), rows);
            }
            v[i] = m.evaluate(rows);
        }
        return v;
    }

    private static List<Map<String, String>> csvRows(Path csv) throws IOException {
        Table t = CsvIO.read(csv);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                m.put(t.columns().get(i), String.valueOf(r.get(i)));
            }
            rows.add(m);
        }
        return rows;
    }

    private static List<Map<String, String>> runJson(Path dir) throws IOException {
        JsonNode n = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                m.put(e.getKey(), e.getValue().asText());
            }
        });
        return List.of(m);
    }
}
