package org.sockeye.app;

import org.sockeye.config.EchoServerSpec;
import org.sockeye.net.Network;

/**
 * {@code echo-server} (RFC 862 over TCP, or over an AF_UNIX stream): every byte read is written
 * back, read by read. The bytes are virtual: an echo needs no content.
 */
public final class EchoServer extends StreamServer {
    public EchoServer(EchoServerSpec spec, Network net, Applications results) {
        super(spec, spec.listen(), net, results, "echo-server", false);
    }

    @Override
    protected Protocol open(Connection c) {
        return (buf, n) -> {
            c.reply(n);
            return 0;
        };
    }
}
