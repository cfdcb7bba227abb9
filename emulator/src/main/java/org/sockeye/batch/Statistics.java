package org.sockeye.batch;

import org.sockeye.config.MetricSpec;
import org.sockeye.config.SweepSpec;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Mean, standard deviation and Student-t 95 % confidence interval of a metric over repetitions. */
public record Statistics(long n, double mean, double sd, double ci95, double min, double max) {
    public static Statistics of(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s.addValue(v);
            }
        }
        long n = s.getN();
        double sd = n > 1 ? s.getStandardDeviation() : Double.NaN;
        double ci = n > 1 ? new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n)
                : Double.NaN;
        return new Statistics(n, n > 0 ? s.getMean() : Double.NaN, sd, ci, n > 0 ? s.getMin() : Double.NaN,
                n > 0 ? s.getMax() : Double.NaN);
    }
}
