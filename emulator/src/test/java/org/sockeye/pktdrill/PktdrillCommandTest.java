package org.sockeye.pktdrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.cli.PktdrillCommand;
import picocli.CommandLine;

/** {@code sockeye pktdrill}: per-script lines and the exit status 0 / 1 / 2. */
class PktdrillCommandTest {
    private static final String GOOD = """
            0 socket(..., SOCK_DGRAM, IPPROTO_UDP) = 3
            +0 bind(3, ..., ...) = 0
            +0 connect(3, ..., ...) = 0
            +0 write(3, ..., 10) = 10
            +0 > udp (10)
            """;

    private record Result(int status, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine c = new CommandLine(new PktdrillCommand());
        c.setOut(new PrintWriter(out, true));
        c.setErr(new PrintWriter(err, true));
        int status = c.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void allPassingExitsZero(@TempDir Path tmp) throws IOException {
        Path a = Files.writeString(tmp.resolve("a.pkt"), GOOD);
        Result r = cli(a.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("a.pkt: ok"), r.out());
    }

    @Test
    void anyFailureExitsOne(@TempDir Path tmp) throws IOException {
        Path a = Files.writeString(tmp.resolve("a.pkt"), GOOD);
        Path b = Files.writeString(tmp.resolve("b.pkt"), GOOD.replace("> udp (10)", "> udp (11)"));
        Result r = cli(a.toString(), b.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("a.pkt: ok") && r.out().contains("b.pkt: FAILED"), r.out());
        assertTrue(r.err().contains("b.pkt:5: bad outbound packet: udp length: expected 11, actual 10"), r.err());
    }

    @Test
    void aMalformedScriptExitsTwoWithFileLineAndText(@TempDir Path tmp) throws IOException {
        Path a = Files.writeString(tmp.resolve("a.pkt"), GOOD + "+0 > udp 10\n");
        Result r = cli(a.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("a.pkt:6: "), r.err());
        assertTrue(r.err().contains("+0 > udp 10"), r.err());
    }

    @Test
    void toleranceIsAnOption(@TempDir Path tmp) throws IOException {
        // The datagram leaves at 0 s; expecting it at 0.010 s passes only with a 10 ms tolerance.
        Path a = Files.writeString(tmp.resolve("a.pkt"), GOOD.replace("+0 > udp (10)", "0.010 > udp (10)"));
        assertEquals(1, cli(a.toString()).status());
        assertEquals(0, cli("--tolerance_usecs", "10000", a.toString()).status());
        Result v = cli("--verbose", "--tolerance_usecs=10000", a.toString());
        assertTrue(v.out().contains("0.000000 > udp (10)"), v.out());
    }
}
