package org.sockeye.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sockeye.capture.LinkCapture;
import org.sockeye.config.RecordSpec;
import org.sockeye.net.Link;
import org.sockeye.net.Network;

/** The pcap captures a run asked for ({@code record: pcap: [...]}), one file per link. */
final class Captures implements AutoCloseable {
    private final List<LinkCapture> open = new ArrayList<>();

    void open(RecordSpec record, Network net, Path dir) throws IOException {
        if (!record.wants(RecordSpec.PCAP)) {
            return;
        }
        Files.createDirectories(dir);
        for (Link l : net.links()) {
            if (record.wants(RecordSpec.PCAP, l.name())) {
                open.add(new LinkCapture(l, dir.resolve(l.name() + ".pcap"), record.snapLength()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (LinkCapture c : open) {
            c.close();
        }
    }
}
