package org.sockeye.app.http;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sockeye.app.AppStats;
import org.sockeye.app.Application;
import org.sockeye.config.ConfigException;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.run.Simulation;

/** Small HTTP experiments written inline, or shipped ones: built, run, and their results looked up. */
public final class HttpRuns {
    /**
     * Hosts c and s on a 1 Gb/s link with 1 ms one way; {@code clientKeys} are lines added to host
     * c, {@code apps} is the applications list.
     */
    public static String pair(String duration, String clientKeys, String apps) {
        return """
                name: t
                duration: %s
                nodes:
                  - name: c
                %s
                  - name: s
                links:
                  - endpoints: [c, s]
                    rate: 1Gbps
                    delay: 1ms
                    queue: 1000
                applications:
                %s
                """.formatted(duration, clientKeys, apps);
    }

    private final Simulation sim;
    private final StringWriter series = new StringWriter();
    private final TimeSeriesCsvWriter writer;

    private HttpRuns(ExperimentSpec spec) {
        try {
            writer = new TimeSeriesCsvWriter(series);
            sim = new Simulation(spec, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built, not run yet: schedule more on {@link #sim()}'s scheduler, then {@link #run()}. */
    static HttpRuns prepare(String text, String... overrides) {
        try {
            return new HttpRuns(ExperimentLoader.load(text, "t.yaml", List.of(overrides)));
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static HttpRuns yaml(String text, String... overrides) {
        return prepare(text, overrides).run();
    }

    /** A shipped experiment of topologies/, with {@code --set} overrides. */
    static HttpRuns file(String name, String... overrides) {
        try {
            String text = Files.readString(Path.of("../topologies/" + name));
            return new HttpRuns(ExperimentLoader.load(text, name, List.of(overrides))).run();
        } catch (ConfigException | IOException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    HttpRuns run() {
        sim.run(Simulation.Progress.NONE);
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Simulation sim() {
        return sim;
    }

    /** The (time s, value) rows of time series {@code name} for {@code subject}, in order. */
    List<double[]> series(String name, String subject) {
        List<double[]> rows = new ArrayList<>();
        for (String line : series.toString().split("\n")) {
            String[] f = line.split(",");
            if (f.length == 4 && f[1].equals(name) && f[2].equals(subject)) {
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[3])});
            }
        }
        return rows;
    }

    AppStats stats(String name) {
        return sim.appStats().stream().filter(a -> a.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no app stats " + name));
    }

    @SuppressWarnings("unchecked")
    <T extends Application> T app(String name) {
        return (T) sim.applications().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no application " + name));
    }
}
