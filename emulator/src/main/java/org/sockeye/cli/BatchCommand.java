package org.sockeye.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sockeye.batch.BatchPlan;
import org.sockeye.batch.BatchRunner;
import org.sockeye.batch.Shard;
import org.sockeye.config.ConfigException;
import org.sockeye.config.SweepLoader;
import org.sockeye.config.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockeye batch}: run a parameter sweep with repetitions and summarise it. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run a sweep (parameters x repetitions) in parallel and write summary.csv.")
final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (default: results/<sweep name>).")
    Path output;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Runs at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I (0-based) of N. Default: from SLURM_ARRAY_TASK_ID/COUNT or "
                    + "JOB_COMPLETION_INDEX + SOCKEYE_SHARD_COUNT when set, else everything.")
    String shard;

    @Option(names = "--resume", description = "Skip runs whose results are already complete.")
    boolean resume;

    @Option(names = "--no-run-reports", description = "Skip each run's own charts and index.html (faster for big sweeps).")
    boolean noRunReports;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException, ConfigException {
        SweepSpec sweep = SweepLoader.load(file);
        Shard s;
        try {
            s = shard != null ? Shard.parse(shard) : Shard.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        int j = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (j < 1) {
            throw new UserError("--jobs must be at least 1");
        }
        Path out = output != null ? output : Path.of("results", sweep.name());
        PrintWriter err = spec.commandLine().getErr();
        BatchProgress progress = new BatchProgress(err, quiet, System.console() != null);
        BatchRunner.Outcome o = BatchRunner.run(sweep, out, new BatchRunner.Options(j, s.index(), s.count(), resume, !noRunReports),
                progress);
        progress.finish();
        PrintWriter w = spec.commandLine().getOut();
        if (!quiet) {
            w.printf("%s: %d runs (%d already complete)%s, %d failed; summary: %s%n", sweep.name(), o.ran(),
                    o.skipped(), s.count() > 1 ? " in shard " + s : "", o.failures().size(),
                    out.resolve("summary.csv"));
        }
        for (String f : o.failures()) {
            err.println("failed: " + f);
        }
        return o.failures().isEmpty() ? Main.EXIT_OK : Main.EXIT_FAILED;
    }

    /** A progress bar on a terminal (done of total, failures, ETA); a line per run otherwise. */
    private static final class BatchProgress implements BatchRunner.Listener {
        private final PrintWriter err;
        private final boolean quiet;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private boolean drawn;

        BatchProgress(PrintWriter err, boolean quiet, boolean terminal) {
            this.err = err;
            this.quiet = quiet;
            this.terminal = terminal;
        }

        @Override
        public void planned(int toRun, int alreadyDone, int total) {
            if (!quiet && !terminal) {
                err.printf("batch: %d runs to do, %d already complete%n", toRun, alreadyDone);
            }
        }

        @Override
        public void finished(BatchPlan.Run run, String error, int done, int failed, int toRun) {
            if (quiet) {
                return;
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            double eta = done == 0 ? 0 : elapsed / done * (toRun - done);
            if (terminal) {
                int width = 30;
                int filled = toRun == 0 ? width : (int) ((long) width * done / toRun);
                err.printf("\r[%s%s] %d/%d done, %d failed, ETA %s   ", "#".repeat(filled), ".".repeat(width - filled),
                        done, toRun, failed, eta(eta));
                drawn = true;
            } else {
                err.printf("batch: %s %s (%d/%d, %d failed, ETA %s)%n", run.id(), error == null ? "ok" : "FAILED",
                        done, toRun, failed, eta(eta));
            }
            err.flush();
        }

        private static String eta(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                    : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
        }

        void finish() {
            if (drawn) {
                err.println();
            }
        }
    }
}
