package org.sockeye.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in process: exit codes, outputs, and error reporting. */
class CliTest {
    private static final String GOOD = """
            name: tiny
            duration: 1s
            nodes:
              - name: a
              - name: b
            links:
              - endpoints: [a, b]
                rate: 10Mbps
                delay: 1ms
            applications:
              - name: cbr
                type: udp-cbr
                node: a
                to: b:7
                rate: 1Mbps
                size: 500B
              - type: udp-sink
                node: b
                port: 7
            record:
              queue: all
            """;

    private record Result(int status, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void runWritesTheResultsDirectoryAndPrintsAFlowSummary(@TempDir Path tmp) throws IOException {
        Path yaml = Files.writeString(tmp.resolve("tiny.yaml"), GOOD);
        Path out = tmp.resolve("out");
        Result r = cli("run", yaml.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("cbr"), r.out());
        assertTrue(r.out().contains("events/s"), r.out());
        for (String f : new String[] {"flows.csv", "links.csv", "timeseries.csv", "run.json", "experiment.yaml"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        // 1 Mb/s of 500 B datagrams for 1 s = 250 datagrams.
        String flows = Files.readString(out.resolve("flows.csv"));
        assertTrue(flows.lines().skip(1).anyMatch(l -> l.startsWith("cbr,cbr,udp,") && l.contains(",250,")), flows);
    }

    @Test
    void setAndSeedOverridesReachTheRun(@TempDir Path tmp) throws IOException {
        Path yaml = Files.writeString(tmp.resolve("tiny.yaml"), GOOD);
        Path out = tmp.resolve("out");
        Result r = cli("run", yaml.toString(), "-o", out.toString(), "--seed", "42", "--set",
                "applications.cbr.rate=2Mbps", "-q");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"seed\" : 42"));
        assertTrue(Files.readString(out.resolve("flows.csv")).contains(",500,"), "2 Mb/s => 500 datagrams");
    }

    @Test
    void badFileExitsTwoWithPositionedErrorsAndWritesNothing(@TempDir Path tmp) throws IOException {
        String bad = GOOD.replace("rate: 10Mbps", "rat: 10Mbps").replace("to: b:7", "to: c:7");
        Path yaml = Files.writeString(tmp.resolve("bad.yaml"), bad);
        Path out = tmp.resolve("out");
        Result r = cli("run", yaml.toString(), "-o", out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(yaml + ":8:5: unknown key 'rat'"), r.err());
        assertTrue(r.err().contains("did you mean 'rate'"), r.err());
        assertTrue(r.err().contains(yaml + ":14:"), "unknown node c is reported at its line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        try (var list = Files.list(tmp)) {
            assertEquals(1, list.count(), "only the YAML file: no output directory, no staging leftovers");
        }
    }

    @Test
    void validateReportsOkOrErrors(@TempDir Path tmp) throws IOException {
        Path good = Files.writeString(tmp.resolve("good.yaml"), GOOD);
        Result ok = cli("validate", good.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("ok"));
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), GOOD.replace("duration: 1s", "duration: 1 parsec"));
        Result r = cli("validate", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith(bad + ":2:11: "), r.err());
    }

    @Test
    void missingFileAndUnknownOptionAreUsageErrors(@TempDir Path tmp) {
        Result missing = cli("run", tmp.resolve("nope.yaml").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Result unknown = cli("run", "--frobnicate", "x.yaml");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--frobnicate"), unknown.err());
    }

    @Test
    void versionAndHelp() {
        Result v = cli("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("sockeye "), v.out());
        Result h = cli("run", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("--set"), h.out());
    }

    @Test
    void plotRedrawsChosenChartsFromAResultsDirectory(@TempDir Path tmp) throws IOException {
        Path yaml = Files.writeString(tmp.resolve("tiny.yaml"), GOOD.replace("queue: all", "throughput: all\n  charts: none"));
        Path out = tmp.resolve("out");
        assertEquals(0, cli("run", yaml.toString(), "-o", out.toString(), "-q").status());
        assertFalse(Files.exists(out.resolve("index.html")), "record: charts: none draws nothing");
        Result r = cli("plot", out.toString(), "--charts", "link-throughput", "--from", "0.2s", "--to", "0.8s",
                "--formats", "svg");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("index.html")));
        try (var charts = Files.list(out.resolve("charts"))) {
            List<String> names = charts.map(p -> p.getFileName().toString()).sorted().toList();
            assertFalse(names.isEmpty());
            assertTrue(names.stream().allMatch(n -> n.startsWith("link-throughput") && n.endsWith(".svg")), names.toString());
        }
        Result bad = cli("plot", out.toString(), "--from", "soon");
        assertEquals(2, bad.status());
        assertFalse(bad.err().contains("\tat "), bad.err());
    }

    @Test
    void batchAndMergeReportTheirRunsAndExitCodes(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("tiny.yaml"), GOOD);
        Path sweep = Files.writeString(tmp.resolve("sweep.yaml"), """
                experiment: tiny.yaml
                repetitions: 2
                parameters:
                  applications.cbr.rate: [1Mbps, 2Mbps]
                metrics:
                  goodput: flows.throughput_bps.sum
                """);
        Result one = cli("batch", sweep.toString(), "-o", tmp.resolve("a").toString(), "--shard", "0/2", "-j", "1",
                "--no-run-reports");
        Result two = cli("batch", sweep.toString(), "-o", tmp.resolve("b").toString(), "--shard", "1/2", "-j", "1",
                "--no-run-reports");
        assertEquals(0, one.status(), one.err());
        assertEquals(0, two.status(), two.err());
        assertTrue(one.out().contains("2 runs"), one.out());
        Result merged = cli("merge", tmp.resolve("a").toString(), tmp.resolve("b").toString(), "-o",
                tmp.resolve("m").toString());
        assertEquals(0, merged.status(), merged.err());
        assertTrue(merged.out().contains("4 of 4 runs complete"), merged.out());
        assertTrue(Files.exists(tmp.resolve("m/index.html")));
        Result partial = cli("merge", tmp.resolve("a").toString(), "-o", tmp.resolve("p").toString());
        assertEquals(1, partial.status(), "half the runs are missing");
        Result badShard = cli("batch", sweep.toString(), "--shard", "2/2");
        assertEquals(2, badShard.status());
        assertTrue(badShard.err().contains("--shard takes I/N"), badShard.err());
    }
}
