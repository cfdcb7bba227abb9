package org.sockeye.reports.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * One series for one subject: parallel arrays of times (seconds, non-decreasing as written by the
 * emulator) and values. The arrays are exposed without copying because series can hold millions of
 * samples; callers must treat them as read-only.
 */
public final class TimeSeries {
    private final String series;
    private final String subject;
    private final double[] times;
    private final double[] values;

    public TimeSeries(String series, String subject, double[] times, double[] values) {
        this.series = Objects.requireNonNull(series);
        this.subject = Objects.requireNonNull(subject);
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        this.times = times;
        this.values = values;
    }

    public String series() {
        return series;
    }

    public String subject() {
        return subject;
    }

    /** The unit of this series' values, from the series name. */
    public SeriesUnit unit() {
        return SeriesCatalog.unitOf(series);
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** Read-only view of the sample times in seconds. */
    public double[] times() {
        return times;
    }

    /** Read-only view of the sample values. */
    public double[] values() {
        return values;
    }

    public double time(int i) {
        return times[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** Largest finite value, or NaN if there is none. */
    public double maxValue() {
        double max = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v) && !(v <= max)) {
                max = v;
            }
        }
        return max;
    }

    /**
     * The value in force at time {@code t} for a step (sample-and-hold) series: the last sample at or
     * before {@code t}, or NaN before the first sample.
     */
    public double stepValueAt(double t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            i = -i - 2;
        } else {
            // Several samples can share one time; the last one is the value that holds afterwards.
            while (i + 1 < times.length && times[i + 1] == t) {
                i++;
            }
        }
        return i < 0 ? Double.NaN : values[i];
    }

    /** The value in force just before {@code t} (the last sample strictly earlier), or NaN. */
    public double stepValueBefore(double t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i >= 0 && times[i] == t) {
                i--;
            }
        }
        return i < 0 ? Double.NaN : values[i];
    }

    @Override
    public String toString() {
        return series + "[" + subject + "] (" + times.length + " samples)";
    }
}
