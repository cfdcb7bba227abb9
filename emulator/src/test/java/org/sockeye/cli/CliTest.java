package org.sockeye.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
