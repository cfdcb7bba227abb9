package org.sockeye.net;

/** Hands out run-unique packet identifiers in creation order. */
public final class PacketIds {
    private long next = 1;

    public long next() {
        return next++;
    }

    /** How many packets have been created. */
    public long created() {
        return next - 1;
    }
}
