package org.sockeye.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.net.NetworkCounters;
import org.sockeye.config.RecordSpec;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.ReportOptions;
import org.sockeye.reports.ResultsReport;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

/**
 * Runs one experiment and writes its results directory: {@code timeseries.csv} (streamed during
 * the run), {@code flows.csv}, {@code links.csv}, {@code hosts.csv}, {@code apps.csv} (when
 * applications measure operations), {@code run.json} and {@code experiment.yaml}.
 * The directory appears only when complete (see {@link ResultsDirectory}).
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    public static RunSummary run(ExperimentSpec spec, Path outputDir, Simulation.Progress progress)
            throws IOException {
        return run(spec, outputDir, progress, true);
    }

    /**
     * @param report whether to draw the charts and index.html the experiment asks for (its
     *     {@code record: charts}); off for runs whose pictures nobody will look at
     */
    public static RunSummary run(ExperimentSpec spec, Path outputDir, Simulation.Progress progress, boolean report)
            throws IOException {
        try (ResultsDirectory dir = new ResultsDirectory(outputDir)) {
            Path out = dir.staging();
            Files.writeString(out.resolve("experiment.yaml"), spec.source(), StandardCharsets.UTF_8);
            Simulation sim;
            Scheduler.StopReason reason;
            long wallStart;
            long wall;
            try (TimeSeriesCsvWriter series = new TimeSeriesCsvWriter(out.resolve("timeseries.csv"));
                    Captures captures = new Captures()) {
                sim = new Simulation(spec, series);
                captures.open(spec.record(), sim.network(), out.resolve("pcap"));
                wallStart = System.nanoTime();
                reason = sim.run(progress);
                wall = System.nanoTime() - wallStart;
            }
            long duration = spec.durationPs();
            CsvIO.write(ResultTables.flows(sim.flows().all(), duration), out.resolve("flows.csv"));
            CsvIO.write(ResultTables.links(sim.network(), duration), out.resolve("links.csv"));
            CsvIO.write(ResultTables.hosts(sim.network(), duration), out.resolve("hosts.csv"));
            if (!sim.appStats().isEmpty()) {
                CsvIO.write(ResultTables.apps(sim.appStats(), duration), out.resolve("apps.csv"));
            }
            RunSummary summary = new RunSummary(dir.target(), sim.scheduler().now(), sim.scheduler().executed(), wall,
                    reason.name().toLowerCase(), sim.flows().all(), sim.appStats());
            writeRunJson(out.resolve("run.json"), spec, sim, summary);
            if (report && !spec.record().charts().isEmpty()) {
                ResultsReport.render(out, reportOptions(spec.record()));
            }
            dir.commit();
            return summary;
        }
    }

    static ReportOptions reportOptions(RecordSpec record) {
        ReportOptions.Builder b = ReportOptions.builder().formats(String.join(",", record.chartFormats()));
        if (!record.charts().equals(RecordSpec.ALL_CHARTS)) {
            b.charts(String.join(",", record.charts()));
        }
        return b.build();
    }

    private static void writeRunJson(Path file, ExperimentSpec spec, Simulation sim, RunSummary s) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("experiment", spec.name());
        o.put("seed", spec.seed());
        o.put("simulated_s", Time.toSeconds(s.simulatedPs()));
        o.put("duration_s", Time.toSeconds(spec.durationPs()));
        o.put("stop_reason", s.stopReason());
        o.put("wall_s", s.wallNanos() / 1e9);
        o.put("events", s.events());
        o.put("events_per_s", Math.round(s.eventsPerSecond()));
        o.put("packets_created", sim.network().packetIds().created());
        NetworkCounters c = sim.network().counters();
        ObjectNode drops = o.putObject("drops_outside_links");
        drops.put("no_route", c.noRouteDrops);
        drops.put("ttl_expired", c.ttlDrops);
        drops.put("over_mtu", c.mtuDrops);
        drops.put("no_listener", c.noListenerDrops);
        o.put("version", Version.get());
        json.writeValue(file.toFile(), o);
    }
}
