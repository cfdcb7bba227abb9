package org.sockeye.batch;

import org.sockeye.config.MetricSpec;
import org.sockeye.config.SweepSpec;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a sweep: every parameter point (the full grid, or the zipped lists) times every
 * repetition, in a fixed order, each with its own seed.
 *
 * <p>A run's seed is a hash of the sweep seed, the point's parameter assignments and the
 * repetition number — not of its position in the plan — so adding a parameter value or running
 * with another {@code --jobs} or shard count never changes what an existing run computes.
 */
public final class BatchPlan {
    /** One parameter point: path → value, in the sweep's parameter order. */
    public record Point(int index, Map<String, String> assignments) {
        public String id() {
            return String.format("p%03d", index);
        }
    }

    /** One run: a point, a repetition and its seed. */
    public record Run(int index, Point point, int repetition, long seed) {
        public String id() {
            return point.id() + "-r" + repetition;
        }

        /** The {@code --set} overrides that make the base experiment into this run. */
        public List<String> overrides() {
            List<String> o = new ArrayList<>();
            point.assignments().forEach((k, v) -> o.add(k + "=" + v));
            o.add("seed=" + seed);
            return o;
        }
    }

    private final List<Point> points;
    private final List<Run> runs;

    public BatchPlan(SweepSpec sweep) {
        this.points = expand(sweep);
        List<Run> r = new ArrayList<>();
        for (Point p : points) {
            for (int rep = 0; rep < sweep.repetitions(); rep++) {
                r.add(new Run(r.size(), p, rep, seed(sweep.seed(), p, rep)));
            }
        }
        this.runs = Collections.unmodifiableList(r);
    }

    public List<Point> points() {
        return points;
    }

    public List<Run> runs() {
        return runs;
    }

    /** The runs of shard {@code index} (0-based) of {@code count}: every count-th run. */
    public List<Run> shard(int index, int count) {
        List<Run> mine = new ArrayList<>();
        for (Run r : runs) {
            if (r.index() % count == index) {
                mine.add(r);
            }
        }
        return mine;
    }

    private static List<Point> expand(SweepSpec sweep) {
        List<String> paths = new ArrayList<>(sweep.parameters().keySet());
        List<List<String>> values = new ArrayList<>(sweep.parameters().values());
        List<Map<String, String>> assignments = new ArrayList<>();
        if (paths.isEmpty()) {
            assignments.add(Map.of());
        } else if (sweep.zip()) {
            int n = values.get(0).size();
            for (List<String> v : values) {
                if (v.size() != n) {
                    throw new IllegalArgumentException("zipped parameters need lists of one length");
                }
            }
            for (int i = 0; i < n; i++) {
                Map<String, String> a = new LinkedHashMap<>();
                for (int k = 0; k < paths.size(); k++) {
                    a.put(paths.get(k), values.get(k).get(i));
                }
                assignments.add(a);
            }
        } else {
            grid(paths, values, 0, new LinkedHashMap<>(), assignments);
        }
        List<Point> pts = new ArrayList<>();
        for (Map<String, String> a : assignments) {
            pts.add(new Point(pts.size(), Collections.unmodifiableMap(a)));
        }
        return Collections.unmodifiableList(pts);
    }

    private static void grid(List<String> paths, List<List<String>> values, int k, LinkedHashMap<String, String> acc,
            List<Map<String, String>> out) {
        if (k == paths.size()) {
            out.add(new LinkedHashMap<>(acc));
            return;
        }
        for (String v : values.get(k)) {
            acc.put(paths.get(k), v);
            grid(paths, values, k + 1, acc, out);
        }
        acc.remove(paths.get(k));
    }

    static long seed(long sweepSeed, Point p, int repetition) {
        Hasher h = Hashing.sha256().newHasher().putLong(sweepSeed).putInt(repetition);
        p.assignments().forEach((k, v) -> h.putString(k, StandardCharsets.UTF_8).putByte((byte) '=')
                .putString(v, StandardCharsets.UTF_8).putByte((byte) 0));
        // Positive, so it reads well in a CSV and round-trips through --seed.
        return h.hash().asLong() & Long.MAX_VALUE;
    }
}
