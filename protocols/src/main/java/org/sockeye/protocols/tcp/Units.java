package org.sockeye.protocols.tcp;

/** Picosecond multiples used for TCP durations. */
final class Units {
    static final long US = 1_000_000L;
    static final long MS = 1_000_000_000L;
    static final long S = 1_000_000_000_000L;

    private Units() {
    }
}
