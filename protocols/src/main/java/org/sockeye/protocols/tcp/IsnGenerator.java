package org.sockeye.protocols.tcp;

/**
 * Initial sequence numbers per RFC 6528 §3: ISN = M + F(4-tuple, secret), where M ticks every 4 µs
 * (RFC 9293 §3.4.1) and F is a keyed hash. Deterministic for a given secret.
 */
public final class IsnGenerator {
    private static final long TICK = 4 * Units.US;

    private IsnGenerator() {
    }

    public static int isn(ConnectionId id, long now, long secret) {
        long h = secret;
        h = FastOpenCookies.mix(h ^ ((long) id.localAddr() << 32 | id.remoteAddr() & 0xffffffffL));
        h = FastOpenCookies.mix(h ^ ((long) id.localPort() << 16 | id.remotePort()));
        return (int) (now / TICK) + (int) h;
    }
}
