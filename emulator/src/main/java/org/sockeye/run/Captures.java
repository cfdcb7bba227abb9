package org.sockeye.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sockeye.capture.LinkCapture;
import org.sockeye.capture.NodeCapture;
import org.sockeye.config.RecordSpec;
import org.sockeye.net.Host;
import org.sockeye.net.Link;
import org.sockeye.net.Network;
import org.sockeye.net.Node;

/**
 * The pcap captures a run asked for ({@code record: pcap: [...]}): {@code pcap/<link>.pcap} for a
 * link (both directions), {@code pcap/<node>@<link>.pcap} for a node's interface on a link and
 * {@code pcap/<host>@lo.pcap} for a host's loopback.
 */
final class Captures implements AutoCloseable {
    private final List<Closeable> open = new ArrayList<>();

    void open(RecordSpec record, Network net, Path dir) throws IOException {
        if (!record.wants(RecordSpec.PCAP)) {
            return;
        }
        Files.createDirectories(dir);
        for (Link l : net.links()) {
            if (record.wants(RecordSpec.PCAP, l.name())) {
                open.add(new LinkCapture(l, dir.resolve(l.name() + ".pcap"), record.snapLength()));
            }
            for (String end : List.of(l.aToB().from().node().name(), l.bToA().from().node().name())) {
                String subject = end + ":" + l.name();
                if (record.names(RecordSpec.PCAP, subject)) {
                    open.add(NodeCapture.ofInterface(l, end, net.scheduler(), dir.resolve(end + "@" + l.name() + ".pcap"),
                            record.snapLength()));
                }
            }
        }
        for (Node n : net.nodes()) {
            if (n instanceof Host h && record.names(RecordSpec.PCAP, h.name() + ":" + RecordSpec.LOOPBACK)) {
                open.add(NodeCapture.ofLoopback(h, dir.resolve(h.name() + "@lo.pcap"), record.snapLength()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Closeable c : open) {
            c.close();
        }
    }
}
