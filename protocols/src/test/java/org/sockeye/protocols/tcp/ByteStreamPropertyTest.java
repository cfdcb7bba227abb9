package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property (RFC 9293 §3.10 reliability): under seeded random loss, duplication and reordering the
 * receiver's byte stream equals the sender's, and both sides close cleanly, for both profiles.
 */
class ByteStreamPropertyTest {
    static final int A = 0x0a000001;
    static final int B = 0x0a000002;

    static java.util.stream.Stream<Arguments> cases() {
        java.util.stream.Stream.Builder<Arguments> b = java.util.stream.Stream.builder();
        for (long seed = 1; seed <= 30; seed++) {
            b.add(Arguments.of("linux", seed));
            b.add(Arguments.of("rfc", seed));
        }
        for (long seed = 100; seed < 110; seed++) {
            b.add(Arguments.of("linux-slow-reader", seed));
            b.add(Arguments.of("rfc-slow-reader", seed));
        }
        b.add(Arguments.of("linux-reno", 7L));
        b.add(Arguments.of("linux-nosack", 8L));
        for (long seed = 200; seed < 210; seed++) {
            // The other recovery window on each profile (RFC 6937 PRR without SACK, RFC 6675 with it).
            b.add(Arguments.of("linux-inflation", seed));
            b.add(Arguments.of("rfc-prr", seed));
            b.add(Arguments.of("linux-prr-nosack", seed));
        }
        return b.build();
    }

    static TcpConfig profile(String name) {
        return switch (name) {
            case "linux-reno" -> TcpProfiles.linux().with("congestion-control", "reno");
            case "linux-nosack" -> TcpProfiles.linux().with("sack", "off");
            case "linux-inflation" -> TcpProfiles.linux().with("recovery", "inflation");
            case "rfc-prr" -> TcpProfiles.rfc().with("recovery", "prr");
            case "linux-prr-nosack" -> TcpProfiles.linux().with("sack", "off").with("congestion-control", "newreno");
            // A small receive buffer drained slowly forces zero windows and persist probes.
            case "linux-slow-reader" -> TcpProfiles.linux().with("rcvbuf", "6000");
            case "rfc-slow-reader" -> TcpProfiles.rfc().with("rcvbuf", "5000");
            default -> TcpProfiles.byName(name);
        };
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void byteStreamSurvivesLossDuplicationAndReordering(String profileName, long seed) {
        Random r = new Random(seed);
        TestNet net = new TestNet(seed);
        net.delay = (1 + r.nextInt(20)) * TestNet.MS;
        net.loss = r.nextDouble() * 0.15;
        net.duplication = r.nextDouble() * 0.05;
        net.reordering = r.nextDouble() * 0.2;
        net.throughCodec = seed % 3 == 0;
        TcpConfig cfg = profile(profileName).with("time-wait", "2s");

        byte[] payload = new byte[20_000 + r.nextInt(120_000)];
        r.nextBytes(payload);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        TestNet.Endpoint[] server = new TestNet.Endpoint[1];

        boolean slowReader = profileName.endsWith("slow-reader");
        net.listen(B, 80, cfg, 8, e -> {
            server[0] = e;
            Runnable drain = () -> {
                int n;
                int budget = slowReader ? 1500 : Integer.MAX_VALUE;
                while (budget > 0 && (n = e.read(Math.min(buf.length, budget), buf)) != 0) {
                    if (n == TcpConnection.EOF) {
                        if (e.state() != TcpState.CLOSED) {
                            e.close();
                        }
                        return;
                    }
                    received.write(buf, 0, n);
                    budget -= n;
                }
            };
            if (slowReader) {
                Runnable[] tick = new Runnable[1];
                tick[0] = () -> {
                    drain.run();
                    if (e.state() != TcpState.CLOSED) {
                        net.at(net.now + 30 * TestNet.MS, tick[0]);
                    }
                };
                net.at(net.now, tick[0]);
            } else {
                e.onEvent = ev -> {
                    if (ev == TcpEvent.READABLE || ev == TcpEvent.PEER_FIN) {
                        drain.run();
                    }
                };
            }
        });
        TestNet.Endpoint client = net.connect(A, 40000, B, 80, cfg);
        int[] sent = {0};
        Runnable pump = () -> {
            while (sent[0] < payload.length) {
                int len = Math.min(payload.length - sent[0], 1 + r.nextInt(9000));
                byte[] chunk = java.util.Arrays.copyOfRange(payload, sent[0], sent[0] + len);
                int n = client.send(len, chunk);
                if (n <= 0) {
                    return;
                }
                sent[0] += n;
            }
            client.close();
        };
        client.onEvent = ev -> {
            if (ev == TcpEvent.CONNECTED || ev == TcpEvent.WRITABLE) {
                net.at(net.now, pump);
            }
        };
        net.runUntil(3600 * TestNet.S);

        for (TestNet.Sent x : net.dataFrom(A)) { // every (re)transmission carries the right bytes
            int off = x.seg().seq - (1000 + 40000 + 1);
            byte[] expect = java.util.Arrays.copyOfRange(payload, off, off + x.seg().payloadLength);
            assertArrayEquals(expect, x.seg().payload, "sender payload at offset " + off);
        }
        assertEquals(payload.length, received.size(), "bytes delivered");
        assertArrayEquals(payload, received.toByteArray(), "byte stream");
        assertEquals(TcpState.CLOSED, client.state(), "client closed");
        assertEquals(TcpState.CLOSED, server[0].state(), "server closed");
        assertTrue(client.events.contains(TcpEvent.CLOSED) && server[0].events.contains(TcpEvent.CLOSED));
        if (slowReader) {
            int shift = cfg.windowScaling() ? cfg.effectiveWindowScale() : 0;
            assertTrue(net.from(B).stream().anyMatch(x -> !x.seg().has(TcpSegment.SYN)
                    && (x.seg().window << shift) < 1460), "window closed below one segment");
        }
        assertTrue(!client.events.contains(TcpEvent.RESET) && !server[0].events.contains(TcpEvent.RESET),
                "no resets");
    }
}
