package org.sockeye.run;

import java.nio.file.Path;
import java.util.List;
import org.sockeye.app.FlowStats;

/** What a finished run reports: where its results are and how fast it ran. */
public record RunSummary(Path directory, long simulatedPs, long events, long wallNanos, String stopReason,
        List<FlowStats> flows) {
    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : events / (wallNanos / 1e9);
    }
}
