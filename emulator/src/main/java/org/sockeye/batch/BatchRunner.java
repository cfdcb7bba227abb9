package org.sockeye.batch;

import org.sockeye.config.MetricSpec;
import org.sockeye.config.SweepSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.sockeye.config.ConfigException;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.run.ExperimentRunner;
import org.sockeye.run.Simulation;

/**
 * Runs a sweep's runs (or one shard of them) in parallel on local cores, each into its own
 * atomically written results directory under {@code runs/}, then summarises what is on disk.
 *
 * <p>A failing run writes {@code runs/<id>.failed} with its error and the others go on. With
 * {@code resume}, runs whose directory is complete are not run again, so a killed batch picks up
 * where it stopped without losing any finished run.
 */
public final class BatchRunner {
    /** How a batch is run. */
    /** @param runReports whether each run also draws its own charts and index.html */
    public record Options(int jobs, int shardIndex, int shardCount, boolean resume, boolean runReports) {
        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1");
            }
            if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
                throw new IllegalArgumentException("shard " + shardIndex + "/" + shardCount + " is out of range");
            }
        }
    }

    /** Told as runs finish. */
    public interface Listener {
        void planned(int toRun, int alreadyDone, int total);

        void finished(BatchPlan.Run run, String errorOrNull, int done, int failed, int toRun);

        Listener NONE = new Listener() {
            @Override
            public void planned(int toRun, int alreadyDone, int total) {
            }

            @Override
            public void finished(BatchPlan.Run run, String errorOrNull, int done, int failed, int toRun) {
            }
        };
    }

    /** What happened: runs attempted, skipped as already complete, and failed (with their errors). */
    public record Outcome(int ran, int skipped, List<String> failures) {
    }

    private BatchRunner() {
    }

    static Path runDirectory(Path batchDir, BatchPlan.Run r) {
        return batchDir.resolve("runs").resolve(r.id());
    }

    static Path failureFile(Path batchDir, BatchPlan.Run r) {
        return batchDir.resolve("runs").resolve(r.id() + ".failed");
    }

    public static Outcome run(SweepSpec sweep, Path out, Options options, Listener listener)
            throws IOException, InterruptedException {
        BatchPlan plan = new BatchPlan(sweep);
        Files.createDirectories(out.resolve("runs"));
        writeAtomically(out.resolve("sweep.yaml"), sweep.source());

        List<BatchPlan.Run> todo = new ArrayList<>();
        int skipped = 0;
        List<BatchPlan.Run> mine = plan.shard(options.shardIndex(), options.shardCount());
        for (BatchPlan.Run r : mine) {
            if (options.resume() && Files.isRegularFile(runDirectory(out, r).resolve("run.json"))) {
                skipped++;
            } else {
                todo.add(r);
            }
        }
        listener.planned(todo.size(), skipped, mine.size());

        List<String> failures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> {
            Thread t = new Thread(r, "sockeye-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (BatchPlan.Run r : todo) {
                futures.add(pool.submit(() -> {
                    String error = runOne(sweep, out, r, options.runReports());
                    synchronized (failures) {
                        if (error != null) {
                            failures.add(r.id() + ": " + error);
                            failed.incrementAndGet();
                        }
                        listener.finished(r, error, done.incrementAndGet(), failed.get(), todo.size());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        new BatchSummary(sweep, plan).write(out, List.of(out));
        BatchReport.write(sweep, out);
        failures.sort(null);
        return new Outcome(todo.size(), skipped, failures);
    }

    /** Runs one run; returns null on success or its error message. */
    private static String runOne(SweepSpec sweep, Path out, BatchPlan.Run r, boolean report) {
        Path failure = failureFile(out, r);
        try {
            Files.deleteIfExists(failure);
            ExperimentSpec spec = ExperimentLoader.load(sweep.experiment(), r.overrides());
            ExperimentRunner.run(spec, runDirectory(out, r), Simulation.Progress.NONE, report);
            return null;
        } catch (ConfigException e) {
            return record(failure, String.join("; ", e.errors().stream().map(Object::toString).toList()));
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return record(failure, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String record(Path failure, String message) {
        try {
            writeAtomically(failure, message + "\n");
        } catch (IOException ignored) {
            // The failure is still reported through the listener and the exit status.
        }
        return message;
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
