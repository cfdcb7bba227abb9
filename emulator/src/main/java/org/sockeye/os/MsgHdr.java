package org.sockeye.os;

/**
 * struct msghdr for sendmsg/recvmsg and recvfrom: the peer's address, the payload and the
 * SCM_RIGHTS descriptors that travel with it. Reusable: the kernel overwrites the output fields
 * on every receive, so an application can keep one per socket and allocate nothing per call.
 */
public final class MsgHdr {
    /** Send: destination (null: the connected peer). Receive: filled with the source. */
    public SockAddr name;
    /** Real payload bytes to send, or a buffer to receive into; null for virtual bytes. */
    public byte[] data;
    /** Send: bytes to send. Receive: the most to take. */
    public int length;
    /** Send: descriptors to pass (SCM_RIGHTS). Receive: descriptors installed by this process. */
    public int[] rights = new int[0];
    /** Receive: flags set by the kernel (MSG_TRUNC when a datagram was cut). */
    public int flags;
    /**
     * Application bytes a real sender writes at the start of a UDP payload (iperf's sequence
     * number and send time): sent with the datagram, filled in on receive.
     */
    public long appSeq;
    /** Receive: the sender's timestamp (picoseconds) of a UDP datagram. */
    public long appTimestamp;

    public MsgHdr() {
    }

    public MsgHdr(int length) {
        this.length = length;
    }
}
