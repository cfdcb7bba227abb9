package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wire format (RFC 9293 §3.1) with options laid out as Linux's tcp_options_write does. */
class TcpSegmentCodecTest {
    static final int A = 0x0a000001;
    static final int B = 0x0a000002;

    static TcpSegment linuxSyn() {
        TcpSegment s = new TcpSegment();
        s.srcPort = 40000;
        s.dstPort = 80;
        s.seq = 1000;
        s.flags = TcpSegment.SYN;
        s.window = 65535;
        s.mss = 1460;
        s.sackPermitted = true;
        s.hasTimestamps = true;
        s.tsVal = 1;
        s.windowScale = 7;
        return s;
    }

    @Test
    void linuxSynHeaderIs40BytesWithOptionsInKernelOrder() {
        TcpSegment s = linuxSyn();
        assertEquals(40, s.headerLength(), "MSS(4) + SACK_PERM/TS(12) + NOP/WS(4) after 20 bytes");
        byte[] wire = new byte[40];
        TcpSegmentCodec.encode(s, A, B, wire, 0);
        assertEquals(2, wire[20], "MSS first");
        assertEquals(4, wire[24], "SACK_PERM shares the timestamp word");
        assertEquals(8, wire[26], "then TIMESTAMP");
        assertEquals(1, wire[36], "NOP before window scale");
        assertEquals(3, wire[37]);
        assertEquals(7, wire[39]);
        assertEquals((40 / 4) << 4, wire[12] & 0xff, "data offset counts options");
    }

    @Test
    void knownChecksumOfLinuxSyn() {
        // Independently computed (RFC 1071 over the pseudo-header and these 40 bytes): 0x9384.
        byte[] wire = new byte[40];
        TcpSegmentCodec.encode(linuxSyn(), A, B, wire, 0);
        assertEquals(0x93, wire[16] & 0xff);
        assertEquals(0x84, wire[17] & 0xff);
        assertEquals(0, TcpSegmentCodec.checksum(A, B, wire, 0, wire.length), "verifies to zero");
        wire[5] ^= 1;
        assertTrue(TcpSegmentCodec.checksum(A, B, wire, 0, wire.length) != 0, "corruption detected");
    }

    @Test
    void roundTripKeepsEveryFieldAndOption() {
        TcpSegment s = new TcpSegment();
        s.srcPort = 443;
        s.dstPort = 51234;
        s.seq = 0xfffffff0;
        s.ack = 0x80000001;
        s.flags = TcpSegment.ACK | TcpSegment.PSH | TcpSegment.FIN;
        s.window = 1024;
        s.hasTimestamps = true;
        s.tsVal = 0xdeadbeef;
        s.tsEcr = 42;
        s.addSackBlock(5000, 6000);
        s.addSackBlock(7000, 9000);
        s.addSackBlock(-100, 100);
        s.payloadLength = 5;
        s.payload = new byte[] {1, 2, 3, 4, 5};
        assertEquals(20 + 12 + 4 + 24, s.headerLength(), "TS + 3 SACK blocks = 40 option bytes");
        byte[] wire = new byte[TcpSegmentCodec.encodedLength(s) + 3];
        int n = TcpSegmentCodec.encode(s, A, B, wire, 3);
        assertEquals(s.headerLength() + 5, n);
        TcpSegment d = TcpSegmentCodec.decode(wire, 3, n);
        assertEquals(s.toString(), d.toString());
        assertArrayEquals(s.payload, d.payload);
        assertEquals(3, d.sackCount);
        assertEquals(-100, d.sackBlocks[4]);
    }

    @Test
    void fastOpenCookieAndRequestArePaddedToFourBytes() {
        TcpSegment s = linuxSyn();
        s.fastOpenCookie = new byte[0];
        assertEquals(44, s.headerLength(), "empty cookie request: kind 34, len 2, NOP NOP");
        s.fastOpenCookie = new byte[] {9, 8, 7, 6, 5, 4, 3, 2};
        assertEquals(52, s.headerLength(), "8-byte cookie: 10 bytes + 2 NOPs");
        byte[] wire = new byte[52];
        TcpSegmentCodec.encode(s, A, B, wire, 0);
        TcpSegment d = TcpSegmentCodec.decode(wire, 0, wire.length);
        assertArrayEquals(s.fastOpenCookie, d.fastOpenCookie);
        assertEquals(1460, d.mss);
        assertEquals(7, d.windowScale);
        assertTrue(d.sackPermitted && d.hasTimestamps);
    }

    @Test
    void virtualPayloadEncodesAsZeros() {
        TcpSegment s = new TcpSegment();
        s.flags = TcpSegment.ACK;
        s.payloadLength = 3;
        byte[] wire = new byte[23];
        TcpSegmentCodec.encode(s, A, B, wire, 0);
        assertArrayEquals(new byte[3], TcpSegmentCodec.decode(wire, 0, 23).payload);
    }

    @Test
    void malformedOptionIsRejected() {
        byte[] wire = new byte[24];
        wire[12] = (byte) (6 << 4);
        wire[20] = 2;
        wire[21] = 9; // MSS option claiming 9 bytes in a 4-byte options area
        assertThrows(IllegalArgumentException.class, () -> TcpSegmentCodec.decode(wire, 0, 24));
    }
}
