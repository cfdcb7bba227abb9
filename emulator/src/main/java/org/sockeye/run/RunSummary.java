package org.sockeye.run;

import java.nio.file.Path;

/** What a finished run reports: where its results are and how fast it ran. */
public record RunSummary(Path directory, long simulatedPs, long events, long wallNanos, String stopReason) {
    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : events / (wallNanos / 1e9);
    }
}
