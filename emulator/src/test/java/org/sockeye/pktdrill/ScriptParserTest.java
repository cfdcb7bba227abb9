package org.sockeye.pktdrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.protocols.tcp.TcpSegment;

class ScriptParserTest {
    private static final long MS = 1_000_000_000L;

    @Test
    void timesAbsoluteRelativeAnyRangeAndBlocking() throws ScriptException {
        TimeSpec abs = ScriptParser.parseTime(1, "", "0.100");
        assertFalse(abs.relative());
        assertEquals(100 * MS, abs.startAfter(7 * MS));
        TimeSpec rel = ScriptParser.parseTime(1, "", "+.1");
        assertEquals(107 * MS, rel.startAfter(7 * MS));
        assertTrue(ScriptParser.parseTime(1, "", "*").any());
        TimeSpec range = ScriptParser.parseTime(1, "", "0.1~0.2");
        assertEquals(200 * MS, range.endAfter(0));
        assertFalse(range.blocking());
        TimeSpec block = ScriptParser.parseTime(1, "", "+0...0.3");
        assertTrue(block.blocking());
        assertEquals(300 * MS, block.endAfter(50 * MS));
        assertThrows(ScriptException.class, () -> ScriptParser.parseTime(1, "", "0.2~0.1"));
        assertThrows(ScriptException.class, () -> ScriptParser.parseTime(1, "", "soon"));
    }

    @Test
    void packetsWithFlagsSequenceAckWindowAndOptions() throws ScriptException {
        List<ScriptEvent> ev = ScriptParser.parse("""
                /* a comment
                   over lines */
                0.1 > S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,TS val 5 ecr 9,nop,wscale 7> // trailing
                +0 < P.EW 1:1001(1000) ack 1 win ... <nop,nop,sack 1001:2001 3001:4001,FO 0a0b>
                """);
        assertEquals(2, ev.size());
        ScriptEvent.Packet out = (ScriptEvent.Packet) ev.get(0);
        assertEquals(3, out.line());
        assertFalse(out.inbound());
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, out.packet().flags());
        assertEquals(65535, out.packet().window());
        assertEquals("mss 1460,sackOK,TS val 5 ecr 9,nop,wscale 7", PacketMatcher.join(out.packet().options()));
        ScriptEvent.Packet in = (ScriptEvent.Packet) ev.get(1);
        assertEquals(TcpSegment.PSH | TcpSegment.ACK | TcpSegment.ECE | TcpSegment.CWR, in.packet().flags());
        assertNull(in.packet().window());
        assertEquals(1000, in.packet().length());
        assertEquals("nop,nop,sack 1001:2001 3001:4001,FO 0a0b", PacketMatcher.join(in.packet().options()));
    }

    @Test
    void syscallsWithNestedArgumentsAndErrno() throws ScriptException {
        ScriptEvent.Syscall s = (ScriptEvent.Syscall) ScriptParser.parse(
                "+0 poll([{fd=4, events=POLLIN, revents=POLLIN}], 1, 0) = 1\n").get(0);
        assertEquals("poll", s.name());
        assertEquals(List.of("[{fd=4, events=POLLIN, revents=POLLIN}]", "1", "0"), s.args());
        ScriptEvent.Syscall c = (ScriptEvent.Syscall) ScriptParser.parse(
                "0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)\n").get(0);
        assertEquals(-1, c.result());
        assertEquals("EINPROGRESS", c.errno());
        ScriptEvent.Syscall f = (ScriptEvent.Syscall) ScriptParser.parse("0 fcntl(3, F_GETFL) = 0x802 (flags)\n").get(0);
        assertEquals(0x802, f.result());
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumber() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> ScriptParser.parse("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n\n+0 > S. 0:0(1) ack 1\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("does not match its length"), e.getMessage());
        assertThrows(ScriptException.class, () -> ScriptParser.parse("0 connect(3, ..., ...) = -1\n"));
        assertThrows(ScriptException.class, () -> ScriptParser.parse("0 < S 0:0(0) win 1 <mss>\n"));
        assertThrows(ScriptException.class, () -> ScriptParser.parse("0 %{ import os }%\n"));
        assertThrows(ScriptException.class, () -> ScriptParser.parse("0 %{ assert tcpi_rtt ==\n"));
    }

    @Test
    void assertBlocksSpanLinesAndDropMessages() throws ScriptException {
        ScriptEvent.Assert a = (ScriptEvent.Assert) ScriptParser.parse("""
                +0 %{
                assert tcpi_snd_cwnd == 10, tcpi_snd_cwnd   # packetdrill style message
                assert tcpi_rto > 0
                }%
                """).get(0);
        assertEquals(List.of("tcpi_snd_cwnd == 10", "tcpi_rto > 0"), a.expressions());
    }
}
