package org.sockeye.app;

import org.sockeye.config.EchoClientSpec;
import org.sockeye.net.Network;

/**
 * {@code echo-client}: on each connection, a message of {@code size} bytes (drawn per message),
 * then its whole echo, then (after {@code think}, if given) the next; {@code messages} per
 * connection, or until the application stops. Bytes are virtual.
 */
public final class EchoClient extends ClosedLoopClient {
    /** Exponential sizes are clipped here, as the binder bounds the others. */
    static final int MAX_SIZE = 1 << 20;
    private final EchoClientSpec spec;

    public EchoClient(EchoClientSpec spec, Network net, Applications results) {
        super(spec, spec.connect(), net, results, "echo-client", 1, spec.messages(), 0, spec.think(),
                spec.idleConnections(), false, "echo/" + spec.name());
        this.spec = spec;
    }

    @Override
    protected Session open(Connection c) {
        return new Session() {
            /** Bytes of the oldest message's echo read so far. */
            private int received;

            @Override
            public int request(OutputBuffer out) {
                int size = spec.size().draw(random, 1, MAX_SIZE);
                out.append(size);
                return size;
            }

            @Override
            public boolean consume(byte[] buf, int n) {
                received += n;
                while (c.inFlight() > 0 && received >= c.oldestRequestBytes()) {
                    int size = c.oldestRequestBytes();
                    received -= size;
                    c.completed(size);
                }
                return received == 0 || c.inFlight() > 0; // never more echoed than sent
            }
        };
    }
}
