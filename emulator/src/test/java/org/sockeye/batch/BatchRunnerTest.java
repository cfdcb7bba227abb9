package org.sockeye.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.config.SweepLoader;
import org.sockeye.config.SweepSpec;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

class BatchRunnerTest {
    private static final String EXPERIMENT = """
            name: lossy
            duration: 2s
            nodes:
              - name: a
              - name: b
            links:
              - name: ab
                endpoints: [a, b]
                rate: 10Mbps
                delay: 2ms
                loss: 0.01
            applications:
              - name: cbr
                type: udp-cbr
                node: a
                to: b:9
                rate: 2Mbps
              - type: udp-sink
                node: b
                port: 9
              - type: udp-sink
                node: a
                port: 6000
            """;

    private static final String SWEEP = """
            name: loss-sweep
            experiment: lossy.yaml
            seed: 7
            repetitions: 3
            parameters:
              links.ab.loss: [0.01, 0.05]
              applications.cbr.rate: {from: 1, to: 3, step: 2, unit: Mbps}
            metrics:
              goodput: flows.throughput_bps.sum
              lost: flows[cbr].lost_packets
              utilisation: links.utilisation.max
            """;

    @TempDir
    Path tmp;
    SweepSpec sweep;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(tmp.resolve("lossy.yaml"), EXPERIMENT);
        Path s = Files.writeString(tmp.resolve("sweep.yaml"), SWEEP);
        sweep = SweepLoader.load(s);
    }

    private BatchRunner.Outcome run(Path out, int jobs, int shard, int shards, boolean resume) throws Exception {
        return BatchRunner.run(sweep, out, new BatchRunner.Options(jobs, shard, shards, resume, false),
                BatchRunner.Listener.NONE);
    }

    @Test
    void planIsTheGridTimesRepetitionsWithSeedsFromParametersNotPositions() {
        BatchPlan plan = new BatchPlan(sweep);
        assertEquals(4, plan.points().size(), "2 loss rates x 2 rates (1, 3 Mb/s)");
        assertEquals(12, plan.runs().size());
        assertEquals(List.of("links.ab.loss=0.01", "applications.cbr.rate=3Mbps", "seed=" + plan.runs().get(3).seed()),
                plan.runs().get(3).overrides());
        long distinct = plan.runs().stream().mapToLong(BatchPlan.Run::seed).distinct().count();
        assertEquals(12, distinct, "every run has its own seed");
        // The same point and repetition keep their seed when another value is added to the sweep.
        BatchPlan.Point p = plan.points().get(1);
        assertEquals(plan.runs().get(3).seed(), BatchPlan.seed(7, p, 0));
    }

    @Test
    void summaryDoesNotDependOnJobsAndHasMeanSdAndConfidenceInterval() throws Exception {
        BatchRunner.Outcome one = run(tmp.resolve("j1"), 1, 0, 1, false);
        BatchRunner.Outcome two = run(tmp.resolve("j2"), 2, 0, 1, false);
        assertEquals(List.of(), one.failures());
        assertEquals(12, two.ran());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("j1/summary.csv")),
                Files.readAllBytes(tmp.resolve("j2/summary.csv")));
        Table summary = CsvIO.read(tmp.resolve("j1/summary.csv"));
        assertEquals(4, summary.size());
        assertEquals("3", summary.rows().get(0).get(summary.columnIndex("runs")));
        double mean = Double.parseDouble((String) summary.rows().get(0).get(summary.columnIndex("goodput_mean")));
        double ci = Double.parseDouble((String) summary.rows().get(0).get(summary.columnIndex("goodput_ci95")));
        assertEquals(0.99e6, mean, 0.03e6, "1 Mb/s at 1 % loss");
        assertTrue(ci > 0 && ci < 0.05e6, "repetitions differ a little: ci " + ci);
        // 5 % loss loses more than 1 % loss at the same rate.
        double lost1 = Double.parseDouble((String) summary.rows().get(0).get(summary.columnIndex("lost_mean")));
        double lost5 = Double.parseDouble((String) summary.rows().get(2).get(summary.columnIndex("lost_mean")));
        assertTrue(lost5 > 3 * lost1, lost1 + " vs " + lost5);
    }

    @Test
    void shardsMergeIntoExactlyTheSingleMachineSummary() throws Exception {
        run(tmp.resolve("single"), 2, 0, 1, false);
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path d = tmp.resolve("shard" + i);
            BatchRunner.Outcome o = run(d, 1, i, 3, false);
            assertEquals(4, o.ran());
            shards.add(d);
        }
        Path merged = tmp.resolve("merged");
        Files.createDirectories(merged);
        new BatchSummary(sweep, new BatchPlan(sweep)).write(merged, shards);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("single/summary.csv")),
                Files.readAllBytes(merged.resolve("summary.csv")));
    }

    @Test
    void resumeRedoesOnlyUnfinishedRunsAndLosesNothing() throws Exception {
        Path out = tmp.resolve("out");
        run(out, 2, 0, 1, false);
        byte[] before = Files.readAllBytes(out.resolve("summary.csv"));
        // As if the batch had been killed during two runs: their directories never appeared.
        org.sockeye.run.ResultsDirectory.deleteTree(out.resolve("runs/p001-r2"));
        org.sockeye.run.ResultsDirectory.deleteTree(out.resolve("runs/p003-r0"));
        BatchRunner.Outcome again = run(out, 2, 0, 1, true);
        assertEquals(2, again.ran());
        assertEquals(10, again.skipped());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("summary.csv")));
    }

    @Test
    void aFailingRunIsReportedAndTheOthersComplete() throws Exception {
        // Source port 6000 collides at run time with the sink bound there on host a.
        Path s = Files.writeString(tmp.resolve("ports.yaml"), """
                experiment: lossy.yaml
                parameters:
                  applications.cbr.source-port: [0, 6000]
                metrics:
                  goodput: flows.throughput_bps.sum
                """);
        sweep = SweepLoader.load(s);
        Path out = tmp.resolve("ports");
        BatchRunner.Outcome o = run(out, 2, 0, 1, false);
        assertEquals(1, o.failures().size());
        assertTrue(o.failures().get(0).contains("p001-r0") && o.failures().get(0).contains("EADDRINUSE"),
                o.failures().toString());
        Table runs = CsvIO.read(out.resolve("runs.csv"));
        assertEquals("ok", runs.rows().get(0).get(runs.columnIndex("status")));
        assertEquals("failed", runs.rows().get(1).get(runs.columnIndex("status")));
        assertTrue(Files.exists(out.resolve("runs/p000-r0/flows.csv")));
        assertFalse(Files.exists(out.resolve("runs/p001-r0")));
    }

    @Test
    void shardFromSlurmAndKubernetesEnvironments() {
        assertEquals(new Shard(2, 8), Shard.fromEnvironment(java.util.Map.of("SLURM_ARRAY_TASK_ID", "3",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "8")));
        assertEquals(new Shard(5, 6), Shard.fromEnvironment(java.util.Map.of("JOB_COMPLETION_INDEX", "5",
                "SOCKEYE_SHARD_COUNT", "6")));
        assertEquals(Shard.ALL, Shard.fromEnvironment(java.util.Map.of()));
        assertEquals(new Shard(1, 4), Shard.parse("1/4"));
    }

    @Test
    void sweepErrorsArePositioned() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), """
                experiment: lossy.yaml
                repetition: 3
                parameters:
                  links.ab.rate: [1Mbps, fast]
                metrics:
                  goodput: flowz.throughput_bps.sum
                """);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.sockeye.config.ConfigException.class,
                () -> SweepLoader.load(bad));
        String all = e.errors().toString();
        assertTrue(all.contains(bad + ":2:1: unknown key 'repetition' in sweep (did you mean 'repetitions'?)"), all);
        assertTrue(all.contains(bad + ":6:12: metric 'flowz.throughput_bps.sum': unknown table 'flowz'"), all);
    }
}
