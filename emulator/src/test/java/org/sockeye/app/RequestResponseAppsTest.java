package org.sockeye.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.config.TwoHostsYaml;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.run.Simulation;
import org.sockeye.sim.Time;

/** echo-server/-client and kv-server/-client: latency, pipelining, framing, errors. */
class RequestResponseAppsTest {
    /** Hosts a and b on one 1 Gb/s, 1 ms link; no CPU costs. Quick ACKs off, so a reply carries the ACK. */
    private static final String PAIR = TwoHostsYaml.upToApplications("duration: 2s\ntcp: {quickack-segments: 0}\n");

    private static Simulation run(String yaml) throws Exception {
        Simulation sim = new Simulation(ExperimentLoader.load(yaml, "t.yaml", List.of()),
                new TimeSeriesCsvWriter(new StringWriter()));
        sim.run(Simulation.Progress.NONE);
        return sim;
    }

    private static AppStats stats(Simulation sim, String name) {
        return sim.appStats().stream().filter(a -> a.name.equals(name)).findFirst().orElseThrow();
    }

    private static <T> T app(Simulation sim, String name, Class<T> type) {
        return type.cast(sim.applications().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void echoLatencyIsTheRoundTripPlusSerialisationBothWays() throws Exception {
        Simulation sim = run(PAIR + """
                  - {name: server, type: echo-server, node: b, port: 7}
                  - {name: client, type: echo-client, node: a, to: "b:7", size: 100B, messages: 5}
                """);
        AppStats c = stats(sim, "client");
        assertEquals(5, c.operations());
        assertEquals(1000, c.bytes(), "request and echo, 100 B each");
        // Each way: 1 ms and a 170-byte frame (100 B + 20 IPv4 + 20 TCP + 12 timestamps + 18
        // Ethernet) at 1 Gb/s, 1.36 us; the message carries the ACK of the last echo, the echo the
        // ACK of the message. The first message also waits behind the handshake's last ACK, and its
        // echo behind the server's ACK of the first data (70-byte frames, 0.56 us each).
        long oneWay = Time.MS + 1_360_000;
        assertEquals(2 * oneWay, c.latencyPercentilePs(0.5));
        assertEquals(2 * oneWay + 2 * 560_000, c.latencyPercentilePs(1.0));
        AppStats s = stats(sim, "server");
        assertEquals(5, s.operations());
        assertEquals(1, s.connections());
        assertEquals(0, c.errors() + s.errors());
    }

    @Test
    void echoThinkTimeSpacesTheMessages() throws Exception {
        Simulation sim = run(PAIR + """
                  - {name: server, type: echo-server, node: b, port: 7}
                  - {name: client, type: echo-client, node: a, to: "b:7", think: 8ms, connections: 3}
                """);
        // A message every 2 ms of round trip + 8 ms of thought per connection, over 2 s less set-up.
        long ops = stats(sim, "client").operations();
        assertTrue(ops >= 3 * 199 && ops <= 3 * 200, "ops " + ops);
    }

    @Test
    void pipelineKeepsThatManyRequestsInFlight() throws Exception {
        for (int depth : new int[] {1, 4, 16}) {
            Simulation sim = run(PAIR + """
                      - {name: server, type: kv-server, node: b, port: 6379}
                      - {name: client, type: kv-client, node: a, to: "b:6379", clients: 2, pipeline: %d}
                    """.formatted(depth));
            AppStats c = stats(sim, "client");
            // Closed loop over a 2 ms round trip: depth requests per round trip and connection.
            double expected = 2 * depth / 0.002;
            assertEquals(expected, c.operationsPerSecond(2 * Time.S), 0.01 * expected, "pipeline " + depth);
            assertEquals(c.operations(), stats(sim, "server").operations(), 2 * depth, "pipeline " + depth);
            assertEquals(0, c.errors(), c.errorDetail());
        }
    }

    @Test
    void largeValuesCrossManyReadsAndPartialWrites() throws Exception {
        // 200 KiB values: more than one read (16 KiB) and more than the send buffer (16 KiB).
        Simulation sim = run(PAIR + """
                  - {name: server, type: kv-server, node: b, port: 6379}
                  - name: client
                    type: kv-client
                    node: a
                    to: "b:6379"
                    clients: 2
                    pipeline: 3
                    get-ratio: 0.5
                    value-size: uniform(100KiB, 200KiB)
                    requests: 40
                """);
        AppStats c = stats(sim, "client");
        assertEquals(40, c.operations());
        assertEquals(0, c.errors() + stats(sim, "server").errors(), c.errorDetail());
        // Every value crossed once, in a SET's request or a GET's reply, plus keys and headers.
        assertTrue(c.bytes() > 40 * 100 * 1024 && c.bytes() < 40 * 201 * 1024, "bytes " + c.bytes());
    }

    @Test
    void readerFindsMessagesWhateverTheReadBoundaries() {
        byte[] stream = new byte[3 * KvProtocol.HEADER + 5 + 7];
        KvProtocol.header(stream, 0, KvProtocol.OK, 0, 5);
        KvProtocol.header(stream, KvProtocol.HEADER + 5, KvProtocol.OK, 0, 0);
        KvProtocol.header(stream, 2 * KvProtocol.HEADER + 5, KvProtocol.OK, 0, 7);
        for (int chunk = 1; chunk <= stream.length; chunk++) {
            List<Long> values = new ArrayList<>();
            KvProtocol.Reader r = new KvProtocol.Reader();
            KvProtocol.Sink sink = new KvProtocol.Sink() {
                @Override
                public long bodyLength(byte[] header) {
                    return KvProtocol.valueLength(header);
                }

                @Override
                public boolean message(byte[] header) {
                    values.add(KvProtocol.valueLength(header));
                    return true;
                }
            };
            for (int at = 0; at < stream.length; at += chunk) {
                int n = Math.min(chunk, stream.length - at);
                byte[] piece = java.util.Arrays.copyOfRange(stream, at, at + n);
                assertTrue(r.feed(piece, n, sink));
            }
            assertEquals(List.of(5L, 0L, 7L), values, "reads of " + chunk);
        }
        byte[] bad = new byte[KvProtocol.HEADER];
        KvProtocol.header(bad, 0, 9, 0, 0);
        KvProtocol.Sink refuse = new KvProtocol.Sink() {
            @Override
            public long bodyLength(byte[] header) {
                return KvProtocol.op(header) == KvProtocol.OK ? 0 : -1;
            }

            @Override
            public boolean message(byte[] header) {
                return true;
            }
        };
        assertFalse(new KvProtocol.Reader().feed(bad, bad.length, refuse));
    }

    @Test
    void unixPathsServeClientsOnTheSameHost() throws Exception {
        Simulation sim = run(PAIR + """
                  - {name: server, type: kv-server, node: b, path: /run/kv.sock}
                  - {name: client, type: kv-client, node: b, path: /run/kv.sock, clients: 3, requests: 300}
                  - {name: echo, type: echo-server, node: a, path: /tmp/echo}
                  - {name: pinger, type: echo-client, node: a, path: /tmp/echo, messages: 10}
                """);
        assertEquals(300, stats(sim, "client").operations());
        assertEquals(300, stats(sim, "server").operations());
        assertEquals(10, stats(sim, "pinger").operations());
        // No CPU and no network: AF_UNIX takes no simulated time at all.
        assertEquals(0, stats(sim, "pinger").latencyPercentilePs(1.0));
    }

    @Test
    void failedConnectionsCountTheirErrnoAndTheirTime() throws Exception {
        Simulation sim = run(PAIR + """
                  - {name: refused, type: echo-client, node: a, to: "b:9", connections: 2}
                  - {name: nopath, type: kv-client, node: a, path: /nowhere, clients: 1}
                  - {name: loop, type: kv-client, node: a, to: "localhost:6379", clients: 1}
                """);
        assertEquals("ECONNREFUSED:2", stats(sim, "refused").errorDetail());
        assertEquals("ENOENT:1", stats(sim, "nopath").errorDetail());
        assertEquals("ECONNREFUSED:1", stats(sim, "loop").errorDetail());
        var failures = app(sim, "refused", EchoClient.class).failures();
        assertEquals(2, failures.size());
        // A round trip: the SYN (82-byte frame with its options, 0.656 us) and the RST (58 bytes, 0.464 us).
        assertEquals(2 * Time.MS + 656_000 + 464_000, failures.get(0).atPs());
        assertEquals(0, stats(sim, "refused").operations());
    }
}
