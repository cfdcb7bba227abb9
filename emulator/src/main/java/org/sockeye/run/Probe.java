package org.sockeye.run;

/** One sampled time series: a series name, its subject, and how to read its current value. */
public interface Probe {
    String series();

    String subject();

    /** The value at {@code now}; {@code intervalPs} is the time since the previous sample. */
    double sample(long now, long intervalPs);

    /** A probe of a quantity that changes over time (queue length, counter). */
    static Probe level(String series, String subject, java.util.function.LongSupplier value) {
        return of(series, subject, (now, interval) -> value.getAsLong());
    }

    /** Reads a value at each sample. */
    @FunctionalInterface
    interface Reading {
        double at(long now, long intervalPs);
    }

    static Probe of(String series, String subject, Reading reading) {
        return new Probe() {
            @Override
            public String series() {
                return series;
            }

            @Override
            public String subject() {
                return subject;
            }

            @Override
            public double sample(long now, long intervalPs) {
                return reading.at(now, intervalPs);
            }
        };
    }

    /** A rate in bits per second from a cumulative byte counter, averaged over each interval. */
    static Probe bitRate(String series, String subject, java.util.function.LongSupplier bytes) {
        long[] last = {0};
        return of(series, subject, (now, intervalPs) -> {
            long b = bytes.getAsLong();
            double rate = intervalPs == 0 ? 0 : (b - last[0]) * 8.0 * 1e12 / intervalPs;
            last[0] = b;
            return rate;
        });
    }

    /** The fraction of {@code cores}' time spent busy over each interval, from a cumulative busy-time reading. */
    static Probe utilisation(String series, String subject, int cores, java.util.function.LongUnaryOperator busyPsAt) {
        long[] last = {0};
        return of(series, subject, (now, intervalPs) -> {
            long busy = busyPsAt.applyAsLong(now);
            double u = intervalPs == 0 ? 0 : (busy - last[0]) / ((double) cores * intervalPs);
            last[0] = busy;
            return u;
        });
    }
}
