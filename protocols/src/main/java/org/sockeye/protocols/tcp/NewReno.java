package org.sockeye.protocols.tcp;

/** NewReno (RFC 6582): Reno's window rules, but fast recovery lasts until "recover" is acknowledged. */
final class NewReno extends Reno {
    @Override
    public String name() {
        return "newreno";
    }

    @Override
    public boolean partialAckEndsRecovery() {
        return false;
    }
}
