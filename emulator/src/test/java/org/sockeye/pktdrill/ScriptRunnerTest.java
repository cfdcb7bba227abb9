package org.sockeye.pktdrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The runner itself: deliberately wrong scripts must fail, with a message that says why. */
class ScriptRunnerTest {
    private static final String LISTEN = """
            0   socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0  bind(3, ..., ...) = 0
            +0  listen(3, 1) = 0
            +0  < S 0:0(0) win 32792 <mss 1000,nop,nop,sackOK,nop,wscale 7>
            +0  > S. 0:0(0) ack 1 <mss 1460,nop,nop,sackOK,nop,wscale 7>
            +.1 < . 1:1(0) ack 1 win 257
            +0  accept(3, ..., ...) = 4
            """;

    private static ScriptResult run(String script) {
        return new ScriptRunner(ScriptRunner.DEFAULT_TOLERANCE_US, false).run("t.pkt", script);
    }

    private static void assertFails(ScriptResult r, String... fragments) {
        assertEquals(ScriptResult.Status.FAILED, r.status(), r.message());
        for (String f : fragments) {
            assertTrue(r.message().contains(f), () -> "missing '" + f + "' in:\n" + r.message());
        }
    }

    @Test
    void theListenPreludePasses() {
        assertEquals(ScriptResult.Status.PASSED, run(LISTEN).status(), run(LISTEN).message());
    }

    @Test
    void aWrongAckNumberFailsWithExpectedAndActual() {
        ScriptResult r = run(LISTEN + "+0 write(4, ..., 100) = 100\n+0 > P. 1:101(100) ack 7\n");
        assertFails(r, "t.pkt:9:", "ack: expected 7, actual 1", "expected: > P. 1:101(100) ack 7",
                "actual:   > P. 1:101(100) ack 1", "at simulated time 0.100000 s");
    }

    @Test
    void aPacketOutsideTheToleranceFails() {
        // Linux delays the ACK of a lone segment by 40 ms, so expecting it at once must fail.
        ScriptResult r = run(LISTEN.replace("<mss 1000,nop", "<mss 1000,nop") + """
                +0 < P. 1:1001(1000) ack 1 win 257
                +0 > . 1:1(0) ack 1001
                +0 < P. 1001:2001(1000) ack 1 win 257
                """);
        assertEquals(ScriptResult.Status.PASSED, run(LISTEN + """
                +0 < P. 1:1001(1000) ack 1 win 257
                +0 > . 1:1(0) ack 1001
                """).status()); // quick-ack at connection start: the first segment is ACKed at once
        assertFails(run(LISTEN + "+.2 > . 1:1(0) ack 1\n"), "expected packet was not sent");
        assertEquals(ScriptResult.Status.FAILED, r.status());
    }

    @Test
    void aFailingAssertPrintsTheExpressionAndTheValues() {
        ScriptResult r = run(LISTEN + "%{ assert tcpi_snd_cwnd == 4 and tcpi_rto > 0 }%\n");
        assertFails(r, "assertion failed: tcpi_snd_cwnd == 4 and tcpi_rto > 0", "tcpi_snd_cwnd = 10", "tcpi_rto = ");
    }

    @Test
    void aWrongSyscallResultFails() {
        ScriptResult r = run(LISTEN + "+0 read(4, ..., 1000) = 1000\n");
        assertFails(r, "read never returned"); // a blocking read with nothing to read
        r = run(LISTEN + "+0 fcntl(4, F_SETFL, O_RDWR|O_NONBLOCK) = 0\n+0 read(4, ..., 1000) = 1000\n");
        assertFails(r, "t.pkt:9:", "read returned -1 EAGAIN, expected 1000");
    }

    @Test
    void anUnexpectedPacketFails() {
        ScriptResult r = run(LISTEN + "+0 write(4, ..., 100) = 100\n+1 < . 1:1(0) ack 1 win 257\n");
        assertFails(r, "unexpected outbound packet", "> P. 1:101(100) ack 1");
    }

    @Test
    void wrongOptionsFailWithBothLists() {
        ScriptResult r = run(LISTEN.replace("> S. 0:0(0) ack 1 <mss 1460,nop,nop,sackOK,nop,wscale 7>",
                "> S. 0:0(0) ack 1 <mss 1460,sackOK,nop,nop,nop,wscale 7>"));
        assertFails(r, "options: expected <mss 1460,sackOK,nop,nop,nop,wscale 7>, actual <mss 1460,nop,nop,sackOK,nop,wscale 7>");
    }

    @Test
    void malformedScriptsReportFileLineAndText() {
        ScriptResult r = run("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0 < Q 0:0(0) win 1\n");
        assertEquals(ScriptResult.Status.MALFORMED, r.status());
        assertTrue(r.message().startsWith("t.pkt:2: unknown TCP flag 'Q'"), r.message());
        assertTrue(r.message().contains("+0 < Q 0:0(0) win 1"), r.message());
        r = run("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0 %{ assert tcpi_bogus == 1 }%\n");
        assertEquals(ScriptResult.Status.MALFORMED, r.status());
        assertTrue(r.message().contains("unknown name 'tcpi_bogus'"), r.message());
        r = run("0 frobnicate(3) = 0\n");
        assertTrue(r.message().contains("t.pkt:1: unsupported system call 'frobnicate'"), r.message());
    }

    @Test
    void backticksAreNeverRunButWarned() {
        ScriptResult r = run("`touch /tmp/pktdrill-must-not-exist; sysctl -q net.ipv4.tcp_sack=0`\n" + LISTEN
                .replace("<mss 1460,nop,nop,sackOK,nop,wscale 7>", "<mss 1460,nop,wscale 7>"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not run: `touch")), r.warnings().toString());
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pktdrill-must-not-exist")));
        // tcp_sack=0 was applied: no sackOK in the SYN-ACK.
        assertEquals(ScriptResult.Status.PASSED, r.status(), r.message());
    }
}
