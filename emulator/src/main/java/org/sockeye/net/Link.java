package org.sockeye.net;

import org.sockeye.config.LinkSpec;

/** A full-duplex point-to-point link: two independent {@link Channel}s. */
public final class Link {
    private final LinkSpec spec;
    private final Channel aToB;
    private final Channel bToA;

    Link(LinkSpec spec, Channel aToB, Channel bToA) {
        this.spec = spec;
        this.aToB = aToB;
        this.bToA = bToA;
    }

    public String name() {
        return spec.name();
    }

    public LinkSpec spec() {
        return spec;
    }

    public Channel aToB() {
        return aToB;
    }

    public Channel bToA() {
        return bToA;
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
