package org.sockeye.run;

/** One sampled time series: a series name, its subject, and how to read its current value. */
public interface Probe {
    String series();

    String subject();

    /** The value at {@code now}; {@code intervalPs} is the time since the previous sample. */
    double sample(long now, long intervalPs);

    /** A probe of a quantity that changes over time (queue length, counter). */
    static Probe level(String series, String subject, java.util.function.LongSupplier value) {
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
                return value.getAsLong();
            }
        };
    }

    /** A rate in bits per second from a cumulative byte counter, averaged over each interval. */
    static Probe bitRate(String series, String subject, java.util.function.LongSupplier bytes) {
        return new Probe() {
            private long last;

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
                long b = bytes.getAsLong();
                double rate = intervalPs == 0 ? 0 : (b - last) * 8.0 * 1e12 / intervalPs;
                last = b;
                return rate;
            }
        };
    }
}
