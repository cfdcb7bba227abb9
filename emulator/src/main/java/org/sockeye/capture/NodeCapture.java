package org.sockeye.capture;

import java.io.IOException;
import java.nio.file.Path;
import org.sockeye.net.Host;
import org.sockeye.net.Interface;
import org.sockeye.net.Link;
import org.sockeye.sim.Scheduler;

/**
 * Captures what one node sees (tcpdump -i on that interface): a network interface's sent frames
 * as they start onto the link and its received ones as their last bit arrives, or a host's
 * loopback traffic ({@code lo}, whose frames carry zero MAC addresses as Linux's do).
 */
public final class NodeCapture implements java.io.Closeable {
    private final PcapWriter writer;

    private NodeCapture(Path file, int snapLength) throws IOException {
        this.writer = new PcapWriter(file, snapLength);
    }

    /** The interface of {@code node} on {@code link}. */
    public static NodeCapture ofInterface(Link link, String node, Scheduler scheduler, Path file, int snapLength)
            throws IOException {
        NodeCapture c = new NodeCapture(file, snapLength);
        Interface own = link.aToB().from().node().name().equals(node) ? link.aToB().from() : link.bToA().from();
        Interface peer = own == link.aToB().from() ? link.aToB().to() : link.bToA().to();
        own.out().tap((ch, p, now) -> c.writer.write(p, own.address(), peer.address(), now));
        own.observeReceived(p -> c.writer.write(p, peer.address(), own.address(), scheduler.now()));
        return c;
    }

    /** The loopback interface of {@code host}. */
    public static NodeCapture ofLoopback(Host host, Path file, int snapLength) throws IOException {
        NodeCapture c = new NodeCapture(file, snapLength);
        host.observeLoopback(p -> c.writer.write(p, 0, 0, host.scheduler().now()));
        return c;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
