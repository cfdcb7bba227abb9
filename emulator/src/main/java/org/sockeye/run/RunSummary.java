package org.sockeye.run;

import java.nio.file.Path;
import java.util.List;
import org.sockeye.app.AppStats;
import org.sockeye.app.FlowStats;

/** What a finished run reports: where its results are, how fast it ran, its flows and applications. */
public record RunSummary(Path directory, long simulatedPs, long events, long wallNanos, String stopReason,
        List<FlowStats> flows, List<AppStats> apps) {
    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : events / (wallNanos / 1e9);
    }
}
