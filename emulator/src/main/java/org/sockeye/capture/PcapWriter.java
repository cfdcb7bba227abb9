package org.sockeye.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sockeye.protocols.Packet;
import org.sockeye.protocols.wire.EthernetFrames;
import org.sockeye.sim.Time;

/**
 * Writes packets to a classic libpcap file with nanosecond timestamps (magic 0xa1b23c4d,
 * LINKTYPE_ETHERNET), which tcpdump, tshark and Wireshark read. Timestamps are simulated time.
 * Frames longer than the snap length are truncated in the file, their original length kept.
 */
public final class PcapWriter implements AutoCloseable {
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int LINKTYPE_ETHERNET = 1;

    private final OutputStream out;
    private final int snapLength;
    private byte[] frame = new byte[2048];
    private final byte[] record = new byte[16];

    public PcapWriter(Path file, int snapLength) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.snapLength = snapLength;
        byte[] h = new byte[24];
        putLe32(h, 0, MAGIC_NANOS);
        putLe16(h, 4, 2);
        putLe16(h, 6, 4);
        putLe32(h, 16, snapLength);
        putLe32(h, 20, LINKTYPE_ETHERNET);
        out.write(h);
    }

    /** Appends {@code p} as sent from {@code srcMac} to {@code dstMac} (IPv4 addresses) at {@code timePs}. */
    public void write(Packet p, int srcMac, int dstMac, long timePs) {
        int len = EthernetFrames.frameLength(p);
        if (frame.length < len) {
            frame = new byte[Math.max(len, frame.length * 2)];
        }
        EthernetFrames.encode(p, srcMac, dstMac, frame);
        int captured = Math.min(len, snapLength);
        long ns = timePs / Time.NS;
        putLe32(record, 0, (int) (ns / 1_000_000_000L));
        putLe32(record, 4, (int) (ns % 1_000_000_000L));
        putLe32(record, 8, captured);
        putLe32(record, 12, len);
        try {
            out.write(record);
            out.write(frame, 0, captured);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void putLe16(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
    }

    private static void putLe32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
        b[o + 3] = (byte) (v >>> 24);
    }
}
