package org.sockeye.app;

import org.sockeye.config.KvServerSpec;
import org.sockeye.net.Network;

/**
 * {@code kv-server}: a Redis-like single-threaded key-value server speaking {@link KvProtocol}.
 * Each request read costs its service time on the server's core (GET or SET, besides the system
 * calls), then its reply is queued: a GET's value of the length the request asks for, a SET's
 * empty OK. Values are not stored: with keys of zeros there would be one key, so the
 * content is not modelled, only the work and the bytes.
 */
public final class KvServer extends StreamServer {
    private final long getPs;
    private final long setPs;

    public KvServer(KvServerSpec spec, Network net, Applications results) {
        super(spec, spec.listen(), net, results, "kv-server", true);
        this.getPs = spec.getPs();
        this.setPs = spec.setPs();
    }

    @Override
    protected Protocol open(Connection c) {
        return new Session(c);
    }

    /** One connection's request parser: a request's reply is queued as soon as its body is read. */
    private final class Session implements Protocol, KvProtocol.Sink {
        private final Connection connection;
        private final KvProtocol.Reader reader = new KvProtocol.Reader();
        private long cost;

        Session(Connection connection) {
            this.connection = connection;
        }

        @Override
        public long consume(byte[] buf, int n) {
            cost = 0;
            return reader.feed(buf, n, this) ? cost : -1;
        }

        @Override
        public long bodyLength(byte[] header) {
            return switch (KvProtocol.op(header)) {
                case KvProtocol.GET -> KvProtocol.valueLength(header) > KvProtocol.MAX_VALUE ? -1
                        : KvProtocol.keyLength(header);
                case KvProtocol.SET -> KvProtocol.keyLength(header) + KvProtocol.valueLength(header);
                default -> -1;
            };
        }

        @Override
        public boolean message(byte[] header) {
            boolean get = KvProtocol.op(header) == KvProtocol.GET;
            int value = get ? (int) KvProtocol.valueLength(header) : 0;
            cost += get ? getPs : setPs;
            int at = connection.reply(KvProtocol.HEADER + value);
            KvProtocol.header(connection.replyBytes(), at, KvProtocol.OK, 0, value);
            return true;
        }
    }
}
