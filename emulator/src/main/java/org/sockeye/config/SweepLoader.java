package org.sockeye.config;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a sweep file: the base experiment, the parameters to vary (each a {@code --set} path with a
 * list of values or a numeric range), repetitions, and the metrics to summarise. Every error is
 * reported as {@code file:line:column: message}; every parameter point is also checked against the
 * base experiment before anything runs, so a misspelt path fails at once, not after an hour.
 */
public final class SweepLoader {
    private static final Set<String> KEYS = Set.of("name", "description", "experiment", "seed", "repetitions", "mode",
            "parameters", "metrics", "charts");
    private static final Set<String> CHART_KEYS = Set.of("metric", "x", "group-by", "log-x", "log-y", "models");
    private static final Set<String> MODEL_KEYS = Set.of("curves", "mss", "rtt", "b", "rto");
    private static final Map<String, String> CURVES = Map.of("mathis", "mathis", "padhye", "padhye");
    private static final Set<String> RANGE_KEYS = Set.of("from", "to", "step", "unit");
    private static final int MAX_RANGE_VALUES = 100_000;

    private SweepLoader() {
    }

    public static SweepSpec load(Path file) throws ConfigException {
        return parse(file, ConfigFiles.read(file), true);
    }

    /**
     * @param checkExperiment whether to load the base experiment with every parameter point (off
     *     when merging results, where only the plan and the metrics matter)
     */
    public static SweepSpec parse(Path file, String text, boolean checkExperiment) throws ConfigException {
        ConfigErrors errors = new ConfigErrors(file.toString());
        YamlMap root = ConfigFiles.rootMap(text, errors,
                "a sweep file must be a map (experiment, parameters, repetitions, metrics)");
        ValueReader values = new ValueReader(errors);
        MapFields f = new MapFields(root, "sweep", KEYS, errors);
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = values.name(f.scalar("name"), "sweep", defaultName);
        YamlScalar experimentNode = f.requiredScalar("experiment");
        Path experiment = null;
        if (experimentNode != null) {
            Path parent = file.toAbsolutePath().getParent();
            experiment = parent.resolve(experimentNode.text()).normalize();
            if (checkExperiment && !Files.isRegularFile(experiment)) {
                errors.at(experimentNode, "experiment file '" + experimentNode.text() + "' not found (looked for "
                        + experiment + ")");
                experiment = null;
            }
        }
        long seed = values.integer(f.scalar("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
        int repetitions = (int) values.integer(f.scalar("repetitions"), "repetitions", 1, 1_000_000, 1);
        boolean zip = values.choice(f.scalar("mode"), "mode", Map.of("grid", false, "zip", true), false);

        LinkedHashMap<String, List<String>> parameters = new LinkedHashMap<>();
        YamlNode paramsNode = f.node("parameters");
        if (paramsNode != null) {
            YamlMap pm = values.map(paramsNode, "parameters");
            if (pm != null) {
                for (YamlMap.Entry e : pm.entries()) {
                    List<String> vs = parameterValues(e.value(), e.key().text(), errors);
                    if (vs != null) {
                        parameters.put(e.key().text(), vs);
                    }
                }
            }
        }
        if (zip && !parameters.isEmpty()) {
            int n = parameters.values().iterator().next().size();
            if (parameters.values().stream().anyMatch(v -> v.size() != n)) {
                errors.at(paramsNode, "mode zip needs every parameter to have the same number of values, got "
                        + parameters.values().stream().map(List::size).toList());
            }
        }

        List<MetricSpec> metrics = new ArrayList<>();
        YamlNode metricsNode = f.requiredNode("metrics");
        if (metricsNode != null) {
            YamlMap mm = values.map(metricsNode, "metrics");
            if (mm != null) {
                for (YamlMap.Entry e : mm.entries()) {
                    if (!(e.value() instanceof YamlScalar s)) {
                        errors.at(e.value(), "metric '" + e.key().text() + "' must be an expression like "
                                + "flows.throughput_bps.sum");
                        continue;
                    }
                    try {
                        metrics.add(MetricSpec.parse(e.key().text(), s.text()));
                    } catch (IllegalArgumentException ex) {
                        errors.at(s, ex.getMessage());
                    }
                }
                if (mm.entries().isEmpty()) {
                    errors.at(mm, "metrics must name at least one metric");
                }
            }
        }
        List<SweepChartSpec> charts = new ArrayList<>();
        YamlList chartList = f.list("charts");
        if (chartList != null) {
            for (YamlNode item : chartList.items()) {
                YamlMap cm = values.map(item, "chart");
                if (cm != null) {
                    SweepChartSpec c = chart(cm, parameters.keySet(), metrics, values);
                    if (c != null) {
                        charts.add(c);
                    }
                }
            }
        }
        errors.throwIfAny();
        SweepSpec sweep = new SweepSpec(name, experiment, seed, repetitions, zip, parameters, metrics,
                List.copyOf(charts), text);
        if (checkExperiment) {
            checkPoints(sweep, file);
        }
        return sweep;
    }

    private static SweepChartSpec chart(YamlMap m, Set<String> params, List<MetricSpec> metrics, ValueReader values) {
        ConfigErrors errors = values.errors();
        MapFields f = new MapFields(m, "chart", CHART_KEYS, errors);
        YamlScalar metric = f.requiredScalar("metric");
        YamlScalar x = f.requiredScalar("x");
        YamlScalar group = f.scalar("group-by");
        List<String> metricNames = metrics.stream().map(MetricSpec::name).toList();
        if (metric != null && !metricNames.contains(metric.text())) {
            errors.at(metric, "unknown metric '" + metric.text() + "'" + DidYouMean.suffix(metric.text(), metricNames));
        }
        for (YamlScalar p : new YamlScalar[] {x, group}) {
            if (p != null && !params.contains(p.text())) {
                errors.at(p, "'" + p.text() + "' is not a parameter of this sweep" + DidYouMean.suffix(p.text(), params));
            }
        }
        boolean logX = values.choice(f.scalar("log-x"), "log-x", Map.of("true", true, "false", false), false);
        boolean logY = values.choice(f.scalar("log-y"), "log-y", Map.of("true", true, "false", false), false);
        List<String> curves = new ArrayList<>();
        SweepChartSpec.TcpModelInputs inputs = null;
        YamlNode modelsNode = f.node("models");
        if (modelsNode != null) {
            YamlMap mm = values.map(modelsNode, "models");
            if (mm != null) {
                MapFields mf = new MapFields(mm, "models", MODEL_KEYS, errors);
                YamlList cl = mf.list("curves");
                if (cl != null) {
                    for (YamlNode c : cl.items()) {
                        String name = values.choice(c instanceof YamlScalar s ? s : null, "model curve", CURVES, null);
                        if (name != null) {
                            curves.add(name);
                        }
                    }
                }
                double mss = values.size(mf.requiredScalar("mss"), 1460);
                double rtt = values.positiveTime(mf.requiredScalar("rtt"), "rtt", 1) / 1e12;
                double b = values.integer(mf.scalar("b"), "b", 1, 16, 1);
                double rto = values.positiveTime(mf.scalar("rto"), "rto", 1_000_000_000_000L) / 1e12;
                inputs = new SweepChartSpec.TcpModelInputs(mss, rtt, b, rto);
            }
        }
        if (metric == null || x == null) {
            return null;
        }
        return new SweepChartSpec(metric.text(), x.text(), group == null ? null : group.text(), logX, logY,
                List.copyOf(curves), inputs);
    }

    private static List<String> parameterValues(YamlNode node, String path, ConfigErrors errors) {
        if (node instanceof YamlList list) {
            List<String> out = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (item instanceof YamlScalar s) {
                    out.add(s.text());
                } else {
                    errors.at(item, "values of '" + path + "' must be single values, got " + item.kindName());
                }
            }
            if (out.isEmpty()) {
                errors.at(list, "'" + path + "' needs at least one value");
            }
            return out;
        }
        if (node instanceof YamlMap range) {
            MapFields r = new MapFields(range, "range", RANGE_KEYS, errors);
            BigDecimal from = decimal(r.requiredScalar("from"), errors);
            BigDecimal to = decimal(r.requiredScalar("to"), errors);
            BigDecimal step = decimal(r.requiredScalar("step"), errors);
            YamlScalar unit = r.scalar("unit");
            if (from == null || to == null || step == null) {
                return null;
            }
            if (step.signum() <= 0 || to.compareTo(from) < 0) {
                errors.at(range, "a range needs step > 0 and to >= from");
                return null;
            }
            List<String> out = new ArrayList<>();
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                if (out.size() == MAX_RANGE_VALUES) {
                    errors.at(range, "a range may have at most " + MAX_RANGE_VALUES + " values");
                    return null;
                }
                out.add(v.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit.text()));
            }
            return out;
        }
        errors.at(node, "'" + path + "' takes a list of values or a range {from, to, step}, got "
                + MapFields.describe(node));
        return null;
    }

    private static BigDecimal decimal(YamlScalar s, ConfigErrors errors) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.text());
        } catch (NumberFormatException e) {
            errors.at(s, "expected a number, got '" + s.text() + "'");
            return null;
        }
    }

    /** Loads the base experiment with each point's overrides; reports the first point that fails. */
    private static void checkPoints(SweepSpec sweep, Path file) throws ConfigException {
        List<Map<String, String>> points = new ArrayList<>();
        List<String> paths = new ArrayList<>(sweep.parameters().keySet());
        if (paths.isEmpty() || sweep.zip()) {
            int n = paths.isEmpty() ? 1 : sweep.parameters().get(paths.get(0)).size();
            for (int i = 0; i < n; i++) {
                Map<String, String> p = new LinkedHashMap<>();
                for (String path : paths) {
                    p.put(path, sweep.parameters().get(path).get(i));
                }
                points.add(p);
            }
        } else {
            // Each value on its own, others at their first value: catches every bad value without the grid.
            for (String path : paths) {
                for (String v : sweep.parameters().get(path)) {
                    Map<String, String> p = new LinkedHashMap<>();
                    for (String other : paths) {
                        p.put(other, other.equals(path) ? v : sweep.parameters().get(other).get(0));
                    }
                    points.add(p);
                }
            }
        }
        for (Map<String, String> p : points) {
            List<String> overrides = new ArrayList<>();
            p.forEach((k, v) -> overrides.add(k + "=" + v));
            try {
                ExperimentLoader.load(sweep.experiment(), overrides);
            } catch (ConfigException e) {
                List<ConfigError> errs = new ArrayList<>();
                errs.add(new ConfigError(file.toString(), 0, 0, "the experiment fails with parameters " + p + ":"));
                errs.addAll(e.errors());
                throw new ConfigException(errs);
            }
        }
    }
}
