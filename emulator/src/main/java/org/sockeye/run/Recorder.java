package org.sockeye.run;

import java.util.ArrayList;
import java.util.List;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;

/**
 * Samples every registered {@link Probe} at a fixed interval and streams the samples to the
 * tidy {@code timeseries.csv}. One reusable event drives all probes, so recording costs one event
 * per interval regardless of how many series are recorded.
 */
public final class Recorder {
    private final Scheduler scheduler;
    private final long intervalPs;
    private final long endPs;
    private final List<Probe> probes = new ArrayList<>();
    private final TimeSeriesCsvWriter out;
    private long lastSample;

    private final Event tick = new Event() {
        @Override
        public void run() {
            sampleAll();
        }
    };

    public Recorder(Scheduler scheduler, long intervalPs, long endPs, TimeSeriesCsvWriter out) {
        this.scheduler = scheduler;
        this.intervalPs = intervalPs;
        this.endPs = endPs;
        this.out = out;
    }

    public void add(Probe p) {
        probes.add(p);
    }

    public boolean isEmpty() {
        return probes.isEmpty();
    }

    /** Takes the first sample at time 0 and then one every interval up to the end. */
    public void start() {
        if (!probes.isEmpty()) {
            scheduler.schedule(tick, 0);
        }
    }

    private void sampleAll() {
        long now = scheduler.now();
        long dt = now - lastSample;
        lastSample = now;
        long t = now;
        for (Probe p : probes) {
            out.add(t, p.series(), p.subject(), p.sample(now, dt));
        }
        long next = now + intervalPs;
        if (next <= endPs) {
            scheduler.schedule(tick, next);
        }
    }
}
