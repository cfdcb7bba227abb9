package org.sockeye.os;

/**
 * The system call a process has in progress (a process is single-threaded: at most one). One
 * instance per process, reused for every call, so making a call allocates nothing.
 */
final class Call {
    static final int CONNECT = 1;
    static final int ACCEPT = 2;
    static final int SEND = 3;
    static final int RECV = 4;
    static final int POLL = 5;
    static final int SELECT = 6;
    static final int EPOLL_WAIT = 7;
    static final int SLEEP = 8;
    static final int COMPUTE = 9;
    static final int CLOSE = 10;

    int op;
    int fd;
    OpenFile file;
    /** Bytes to send, or the most to receive. */
    int length;
    int flags;
    /** Real bytes to send or a buffer to receive into; null for virtual bytes. */
    byte[] data;
    /** sendmsg/recvmsg/recvfrom/sendto: address, rights, datagram metadata. */
    MsgHdr msg;
    SockAddr addr;
    /** Stream send: bytes queued so far (a blocking send waits until all are). */
    long progress;
    /** Bytes whose copy was paid when the call entered the kernel. */
    long copyPrepaid;
    /** The copy is skipped (MSG_ZEROCOPY, sendfile). */
    boolean zeroCopy;
    /** Set when the call is attempted again after a wake-up. */
    boolean retry;
    /** How long the call may block (0: no limit). */
    long timeoutPs;
    PollFd[] pollFds;
    int nfds;
    FdSet readSet;
    FdSet writeSet;
    FdSet exceptSet;
    FdSet readIn = new FdSet();
    FdSet writeIn = new FdSet();
    FdSet exceptIn = new FdSet();
    EpollEvent[] events;
    Resume k;

    /** Whether this call may not block: the file is O_NONBLOCK or the call passed MSG_DONTWAIT. */
    boolean nonblocking() {
        return (file != null && file.nonblocking) || (flags & Sys.MSG_DONTWAIT) != 0;
    }

    void clear() {
        op = 0;
        file = null;
        data = null;
        msg = null;
        addr = null;
        progress = 0;
        copyPrepaid = 0;
        zeroCopy = false;
        retry = false;
        timeoutPs = 0;
        pollFds = null;
        readSet = null;
        writeSet = null;
        exceptSet = null;
        events = null;
        k = null;
    }
}
