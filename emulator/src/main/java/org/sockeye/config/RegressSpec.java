package org.sockeye.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A named set of experiments whose key metrics are compared with committed baselines.
 *
 * @param baselines the CSV of expected values ({@code experiment,metric,value})
 */
public record RegressSpec(String name, Path baselines, List<Case> cases) {
    /** One experiment of the set, with the overrides it runs with and the metrics it checks. */
    public record Case(String name, Path experiment, List<String> overrides, List<Check> checks) {
    }

    /** A metric and how far it may move from its baseline. */
    public record Check(MetricSpec metric, Tolerance tolerance) {
    }

    /** Relative (a fraction of the baseline) or absolute. */
    public record Tolerance(double amount, boolean relative) {
        public boolean accepts(double baseline, double actual) {
            if (Double.isNaN(baseline) || Double.isNaN(actual)) {
                return Double.isNaN(baseline) && Double.isNaN(actual);
            }
            double allowed = relative ? amount * Math.abs(baseline) : amount;
            return Math.abs(actual - baseline) <= allowed + 1e-12 * Math.abs(baseline);
        }

        @Override
        public String toString() {
            return relative ? "±" + org.sockeye.reports.Formats.number(amount * 100) + "%"
                    : "±" + org.sockeye.reports.Formats.number(amount);
        }
    }
}
