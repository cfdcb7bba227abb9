package org.sockeye.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.run.ExperimentRunner;
import org.sockeye.run.RunSummary;
import org.sockeye.run.Simulation;

/** A TCP transfer over a lossy link, captured to pcap and read back by Wireshark's dissector. */
class TcpCaptureTest {
    private static final String YAML = """
            name: tcp-pcap
            duration: 10s
            seed: 5
            nodes:
              - name: a
              - name: b
            links:
              - name: ab
                endpoints: [a, b]
                rate: 20Mbps
                delay: 5ms
                loss: 0.02
            applications:
              - name: bulk
                type: tcp-bulk
                node: a
                to: b:80
                bytes: 300KB
              - type: tcp-sink
                node: b
                port: 80
            record:
              pcap: [ab]
            """;

    @Test
    void tsharkSeesTheStreamTheSequenceNumbersAndTheRetransmissionsSockeyeCounted(@TempDir Path tmp)
            throws Exception {
        Path yaml = Files.writeString(tmp.resolve("t.yaml"), YAML);
        RunSummary run = ExperimentRunner.run(ExperimentLoader.load(yaml, List.of()), tmp.resolve("out"),
                Simulation.Progress.NONE);
        long sockeyeRetransmissions = run.flows().get(0).retransmissions;
        assertTrue(sockeyeRetransmissions > 0, "2 % loss over 300 KB must cost retransmissions");
        Path pcap = tmp.resolve("out/pcap/ab.pcap");

        List<String[]> rows = Tshark.fields(pcap, List.of("tcp.check_checksum:TRUE", "ip.check_checksum:TRUE"),
                "tcp.stream", "tcp.srcport", "tcp.dstport", "tcp.len", "tcp.seq", "tcp.checksum.status",
                "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission", "tcp.flags.syn");
        long streams = rows.stream().map(r -> r[0]).distinct().count();
        assertEquals(1, streams, "one TCP connection");
        long payload = 0;
        long maxSeqEnd = 0;
        long wiresharkRetransmissions = 0;
        for (String[] r : rows) {
            assertEquals("1", r[5], "TCP checksum good");
            if (r[2].equals("80")) {
                long len = Long.parseLong(r[3]);
                payload += len;
                if (len > 0) {
                    maxSeqEnd = Math.max(maxSeqEnd, Long.parseLong(r[4]) + len);
                }
                if (!r[6].isEmpty() || !r[7].isEmpty()) {
                    wiresharkRetransmissions++;
                }
            }
        }
        assertEquals(300_000 + 1, maxSeqEnd, "data ends at relative sequence 300 001 (the SYN takes number 0)");
        assertEquals(sockeyeRetransmissions, wiresharkRetransmissions, "Wireshark's TCP analysis agrees");
        assertTrue(payload >= 300_000, "every byte crossed the link at least once");
    }
}
