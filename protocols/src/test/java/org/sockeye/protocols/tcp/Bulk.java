package org.sockeye.protocols.tcp;

import java.util.ArrayList;
import java.util.List;

/** A test scenario: client A bulk-sends to server B, which reads everything at once. */
final class Bulk {
    static final int A = 0x0a000001;
    static final int B = 0x0a000002;
    static final int CLIENT_PORT = 40000;
    /** Client ISS chosen by {@link TestNet#connect}. */
    static final int ISS = 1000 + CLIENT_PORT;

    final TestNet net;
    final TestNet.Endpoint client;
    final List<TestNet.Endpoint> servers = new ArrayList<>();

    Bulk(TcpConfig cfg, long oneWayDelay, int bytes) {
        this(cfg, oneWayDelay, bytes, true);
    }

    /**
     * @param serverReads false keeps the data in the server's receive buffer, so the window it
     *                    advertises stays put and every duplicate ACK counts (RFC 5681 §2 (e))
     */
    Bulk(TcpConfig cfg, long oneWayDelay, int bytes, boolean serverReads) {
        net = new TestNet(1);
        net.delay = oneWayDelay;
        net.listen(B, 80, cfg, 8, e -> {
            servers.add(e);
            e.onEvent = ev -> {
                while (serverReads && e.read(1 << 20, null) > 0) {
                    // drain
                }
            };
        });
        client = net.connect(A, CLIENT_PORT, B, 80, cfg);
        int[] left = {bytes};
        Runnable pump = () -> {
            while (left[0] > 0) {
                int n = client.send(left[0], null);
                if (n <= 0) {
                    return;
                }
                left[0] -= n;
            }
        };
        client.onEvent = ev -> {
            if (ev == TcpEvent.CONNECTED || ev == TcpEvent.WRITABLE) {
                pump.run();
            }
        };
    }

    /** Sequence number of the first byte of the client's i-th full segment (0-based). */
    int segSeq(int i, int mss) {
        return ISS + 1 + i * mss;
    }

    /** Client data segments, first transmissions and retransmissions alike. */
    List<TestNet.Sent> clientData() {
        return net.dataFrom(A);
    }

    /** Times at which the client sent a segment starting at {@code seq}. */
    List<Long> sendTimes(int seq) {
        List<Long> r = new ArrayList<>();
        for (TestNet.Sent s : clientData()) {
            if (s.seg().seq == seq) {
                r.add(s.time());
            }
        }
        return r;
    }

    /** Pure ACKs from the server acknowledging exactly {@code ack}, in order. */
    List<TestNet.Sent> acksFor(int ack) {
        List<TestNet.Sent> r = new ArrayList<>();
        for (TestNet.Sent s : net.from(B)) {
            if (s.seg().ack == ack && s.seg().payloadLength == 0 && s.seg().flags == TcpSegment.ACK) {
                r.add(s);
            }
        }
        return r;
    }

    /** Number of client data segments first sent in [from, to). */
    int sentBetween(long from, long to) {
        int n = 0;
        for (TestNet.Sent s : clientData()) {
            if (s.time() >= from && s.time() < to) {
                n++;
            }
        }
        return n;
    }
}
