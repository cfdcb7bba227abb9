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
import org.sockeye.run.Simulation;

/** Captures of one node's view: a host's loopback and a node's interface on a link, read by tshark. */
class InterfaceCaptureTest {
    private static final String YAML = """
            name: if-pcap
            duration: 2s
            nodes:
              - name: a
              - name: b
            links:
              - name: ab
                endpoints: [a, b]
                rate: 100Mbps
                delay: 1ms
            applications:
              - name: local
                type: tcp-bulk
                node: a
                to: a:5001
                bytes: 200KB
              - type: tcp-sink
                node: a
                port: 5001
              - name: remote
                type: udp-cbr
                node: a
                to: b:9
                rate: 1Mbps
                size: 500B
                stop: 1s
              - type: udp-sink
                node: b
                port: 9
            record:
              pcap: ["a:lo", "b:ab"]
            """;

    @Test
    void loopbackCarriesTheLocalTcpStreamAndTheInterfaceCaptureTheRemoteDatagrams(@TempDir Path tmp) throws Exception {
        Path yaml = Files.writeString(tmp.resolve("t.yaml"), YAML);
        ExperimentRunner.run(ExperimentLoader.load(yaml, List.of()), tmp.resolve("out"), Simulation.Progress.NONE);

        List<String[]> lo = Tshark.fields(tmp.resolve("out/pcap/a@lo.pcap"), List.of("tcp.check_checksum:TRUE"),
                "tcp.dstport", "tcp.len", "tcp.checksum.status", "udp.dstport");
        long toSink = lo.stream().filter(r -> r[0].equals("5001")).mapToLong(r -> Long.parseLong(r[1])).sum();
        assertEquals(200_000, toSink, "every byte of the loopback transfer, once");
        assertTrue(lo.stream().allMatch(r -> r[3].isEmpty()), "no datagram for b crosses a's loopback");
        assertTrue(lo.stream().filter(r -> !r[0].isEmpty()).allMatch(r -> r[2].equals("1")), "TCP checksums good");
        assertTrue(lo.stream().anyMatch(r -> !r[1].isEmpty() && Long.parseLong(r[1]) > 1460),
                "loopback's 64 KiB MTU carries segments larger than Ethernet's");

        List<String[]> b = Tshark.fields(tmp.resolve("out/pcap/b@ab.pcap"), List.of(), "udp.dstport", "udp.length");
        assertEquals(250, b.stream().filter(r -> r[0].equals("9")).count(), "1 Mb/s of 500 B datagrams for 1 s");
        assertTrue(Files.notExists(tmp.resolve("out/pcap/ab.pcap")), "only what was asked is captured");
    }
}
