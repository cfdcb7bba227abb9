package org.sockeye.app;

import org.sockeye.config.KvClientSpec;
import org.sockeye.net.Network;

/**
 * {@code kv-client}, redis-benchmark's shape: {@code clients} connections with {@code pipeline}
 * requests in flight on each, GET with probability {@code get-ratio} and SET otherwise, key and
 * value sizes drawn per request (stream {@code kv/<name>}). A GET asks for a value of the drawn
 * size; a SET carries one. Latency runs from queueing the request to reading its whole reply.
 */
public final class KvClient extends ClosedLoopClient {
    private final KvClientSpec spec;

    public KvClient(KvClientSpec spec, Network net, Applications results) {
        super(spec, spec.connect(), net, results, "kv-client", spec.pipeline(), 0, spec.requests(), null, 0, true,
                "kv/" + spec.name());
        this.spec = spec;
    }

    @Override
    protected Session open(Connection c) {
        return new Session() {
            private final KvProtocol.Reader reader = new KvProtocol.Reader();
            private final KvProtocol.Sink replies = new KvProtocol.Sink() {
                @Override
                public long bodyLength(byte[] header) {
                    return KvProtocol.op(header) == KvProtocol.OK && c.inFlight() > 0
                            ? KvProtocol.valueLength(header) : -1;
                }

                @Override
                public boolean message(byte[] header) {
                    c.completed(KvProtocol.HEADER + (int) KvProtocol.valueLength(header));
                    return true;
                }
            };

            @Override
            public int request(OutputBuffer out) {
                boolean get = random.nextDouble() < spec.getRatio();
                int key = spec.keySize().draw(random, 1, 65_535);
                int value = spec.valueSize().draw(random, 0, KvProtocol.MAX_VALUE);
                int size = KvProtocol.HEADER + key + (get ? 0 : value);
                int at = out.append(size);
                KvProtocol.header(out.data(), at, get ? KvProtocol.GET : KvProtocol.SET, key, value);
                return size;
            }

            @Override
            public boolean consume(byte[] buf, int n) {
                return reader.feed(buf, n, replies);
            }
        };
    }
}
