package org.sockeye.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads a regression set:
 *
 * <pre>
 * name: core
 * baselines: core.baseline.csv        # default: &lt;file name&gt;.baseline.csv beside this file
 * experiments:
 *   - name: udp-cbr                   # default: the experiment's file name
 *     experiment: ../udp-cbr.yaml
 *     set: [duration=5s]              # --set overrides
 *     metrics:
 *       goodput: {metric: flows[cbr].throughput_bps, tolerance: 1%}
 *       drops: {metric: links.drops.sum, tolerance: 0}
 * </pre>
 */
public final class RegressLoader {
    private static final Set<String> KEYS = Set.of("name", "baselines", "experiments");
    private static final Set<String> CASE_KEYS = Set.of("name", "experiment", "set", "metrics");
    private static final Set<String> CHECK_KEYS = Set.of("metric", "tolerance");

    private RegressLoader() {
    }

    public static RegressSpec load(Path file) throws ConfigException {
        String text = ConfigFiles.read(file);
        ConfigErrors errors = new ConfigErrors(file.toString());
        YamlMap root = ConfigFiles.rootMap(text, errors, "a regression set must be a map (name, experiments)");
        ValueReader values = new ValueReader(errors);
        Path dir = file.toAbsolutePath().getParent();
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        MapFields f = new MapFields(root, "regression set", KEYS, errors);
        String name = values.name(f.scalar("name"), "regression set", stem);
        YamlScalar b = f.scalar("baselines");
        Path baselines = dir.resolve(b == null ? stem + ".baseline.csv" : b.text()).normalize();
        List<RegressSpec.Case> cases = new ArrayList<>();
        YamlList list = f.requiredNode("experiments") == null ? null : f.list("experiments");
        if (list != null) {
            for (YamlNode item : list.items()) {
                YamlMap m = values.map(item, "experiment entry");
                if (m != null) {
                    RegressSpec.Case c = bindCase(m, dir, values);
                    if (c != null) {
                        if (cases.stream().anyMatch(x -> x.name().equals(c.name()))) {
                            errors.at(m, "duplicate experiment name '" + c.name() + "' (give each entry a name)");
                        }
                        cases.add(c);
                    }
                }
            }
        }
        errors.throwIfAny();
        return new RegressSpec(name, baselines, List.copyOf(cases));
    }

    private static RegressSpec.Case bindCase(YamlMap m, Path dir, ValueReader values) {
        ConfigErrors errors = values.errors();
        MapFields f = new MapFields(m, "experiment entry", CASE_KEYS, errors);
        YamlScalar e = f.requiredScalar("experiment");
        if (e == null) {
            return null;
        }
        Path experiment = dir.resolve(e.text()).normalize();
        if (!Files.isRegularFile(experiment)) {
            errors.at(e, "experiment file '" + e.text() + "' not found");
            return null;
        }
        String name = values.name(f.scalar("name"), "experiment entry",
                experiment.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        List<String> overrides = new ArrayList<>();
        YamlList set = f.list("set");
        if (set != null) {
            for (YamlNode s : set.items()) {
                if (s instanceof YamlScalar sc) {
                    overrides.add(sc.text());
                } else {
                    errors.at(s, "set takes path=value strings");
                }
            }
        }
        List<RegressSpec.Check> checks = new ArrayList<>();
        YamlNode metricsNode = f.requiredNode("metrics");
        YamlMap metrics = metricsNode == null ? null : values.map(metricsNode, "metrics");
        if (metrics != null) {
            for (YamlMap.Entry me : metrics.entries()) {
                YamlMap cm = values.map(me.value(), "metric '" + me.key().text() + "'");
                if (cm == null) {
                    continue;
                }
                MapFields cf = new MapFields(cm, "metric", CHECK_KEYS, errors);
                YamlScalar expr = cf.requiredScalar("metric");
                YamlScalar tol = cf.requiredScalar("tolerance");
                if (expr == null || tol == null) {
                    continue;
                }
                try {
                    checks.add(new RegressSpec.Check(MetricSpec.parse(me.key().text(), expr.text()), tolerance(tol.text())));
                } catch (IllegalArgumentException ex) {
                    errors.at(ex.getMessage().startsWith("tolerance") ? tol : expr, ex.getMessage());
                }
            }
        }
        return new RegressSpec.Case(name, experiment, List.copyOf(overrides), List.copyOf(checks));
    }

    static RegressSpec.Tolerance tolerance(String t) {
        String s = t.strip();
        try {
            if (s.endsWith("%")) {
                double pct = Double.parseDouble(s.substring(0, s.length() - 1).strip());
                if (pct >= 0) {
                    return new RegressSpec.Tolerance(pct / 100, true);
                }
            } else {
                double abs = Double.parseDouble(s);
                if (abs >= 0) {
                    return new RegressSpec.Tolerance(abs, false);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("tolerance must be a percentage (2%) or an absolute amount (0.5), got '" + t + "'");
    }
}
