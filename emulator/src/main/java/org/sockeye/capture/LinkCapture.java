package org.sockeye.capture;

import java.io.IOException;
import java.nio.file.Path;
import org.sockeye.net.Link;

/**
 * Captures both directions of a link into one pcap file, each frame stamped when its first bit
 * leaves the transmitter, with the sending and receiving interfaces' addresses as MAC addresses.
 */
public final class LinkCapture implements java.io.Closeable {
    private final PcapWriter writer;

    public LinkCapture(Link link, Path file, int snapLength) throws IOException {
        this.writer = new PcapWriter(file, snapLength);
        link.aToB().tap((c, p, now) -> writer.write(p, c.from().address(), c.to().address(), now));
        link.bToA().tap((c, p, now) -> writer.write(p, c.from().address(), c.to().address(), now));
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
