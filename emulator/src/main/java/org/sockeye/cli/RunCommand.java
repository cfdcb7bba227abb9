package org.sockeye.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sockeye.app.AppStats;
import org.sockeye.app.FlowStats;
import org.sockeye.config.ConfigException;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.run.ExperimentRunner;
import org.sockeye.run.RunSummary;
import org.sockeye.run.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sockeye run}: simulate one experiment and write its results directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment and write its results (flows.csv, links.csv, timeseries.csv, run.json).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ExperimentOptions experiment;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Results directory (default: results/<experiment name>). Replaced atomically.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, ConfigException {
        ExperimentSpec e = experiment.load();
        Path dir = output != null ? output : Path.of("results", e.name());
        PrintWriter out = spec.commandLine().getOut();
        Simulation.Progress progress = quiet || System.console() == null
                ? Simulation.Progress.NONE : new TerminalProgress(spec.commandLine().getErr());
        RunSummary s = ExperimentRunner.run(e, dir, progress);
        if (progress instanceof TerminalProgress tp) {
            tp.finish();
        }
        if (!quiet) {
            printSummary(out, e, s);
        }
        return Main.EXIT_OK;
    }

    private static void printSummary(PrintWriter out, ExperimentSpec e, RunSummary s) {
        out.printf("%s: %s simulated in %s wall, %s events (%s events/s)%n", e.name(),
                Humanize.seconds(s.simulatedPs() / 1e12), Humanize.seconds(s.wallNanos() / 1e9),
                Humanize.count(s.events()), Humanize.count(s.eventsPerSecond()));
        if (!s.flows().isEmpty()) {
            out.printf("  %-24s %-5s %14s %12s %8s %12s%n", "flow", "proto", "throughput", "delivered", "loss",
                    "delay");
            for (FlowStats f : s.flows()) {
                long end = Math.min(f.stopPs == 0 ? e.durationPs() : f.stopPs, e.durationPs());
                double secs = (end - f.startPs) / 1e12;
                String rate = Humanize.bitRate(secs > 0 ? f.bytesReceived * 8 / secs : 0);
                if (f.tcpSender != null) {
                    // A byte stream: no datagram loss or delay, but retransmissions and timeouts.
                    out.printf("  %-24s %-5s %14s %12s %s retransmissions, %d timeouts%n", f.name, f.protocol, rate,
                            Humanize.bytes(f.bytesReceived), f.retransmissions, f.timeouts);
                } else {
                    out.printf("  %-24s %-5s %14s %12s %7.2f%% %12s%n", f.name, f.protocol, rate,
                            f.packetsReceived + " pkts", 100 * f.lossRate(), Humanize.seconds(f.meanDelayPs() / 1e12));
                }
            }
        }
        if (!s.apps().isEmpty()) {
            out.printf("  %-24s %-12s %12s %12s %10s %10s %s%n", "application", "type", "operations", "ops/s", "p50",
                    "p99", "errors");
            for (AppStats a : s.apps()) {
                out.printf("  %-24s %-12s %12d %12s %10s %10s %s%n", a.name, a.type, a.operations(),
                        Humanize.count(a.operationsPerSecond(e.durationPs())), latency(a, 0.5), latency(a, 0.99),
                        a.errors() == 0 ? "0" : a.errorDetail());
            }
        }
        out.println("results: " + s.directory());
    }

    private static String latency(AppStats a, double q) {
        long ps = a.latencyPercentilePs(q);
        return ps < 0 ? "-" : Humanize.seconds(ps / 1e12);
    }

    /** Shows "simulated X of Y" on the terminal once a run has taken more than two seconds. */
    private static final class TerminalProgress implements Simulation.Progress {
        private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long lastShown;
        private boolean shown;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long simulatedPs, long totalPs, long events) {
            long now = System.nanoTime();
            if (now - started < SHOW_AFTER_NANOS || now - lastShown < 200_000_000L) {
                return;
            }
            lastShown = now;
            shown = true;
            err.printf("\r  simulated %s of %s (%.0f%%), %s events   ", Humanize.seconds(simulatedPs / 1e12),
                    Humanize.seconds(totalPs / 1e12), 100.0 * simulatedPs / totalPs, Humanize.count(events));
            err.flush();
        }

        void finish() {
            if (shown) {
                err.print("\r" + " ".repeat(72) + "\r");
                err.flush();
            }
        }
    }
}
