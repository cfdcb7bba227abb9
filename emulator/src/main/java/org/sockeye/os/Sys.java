package org.sockeye.os;

/**
 * The constants of the simulated system-call interface, with Linux's values (x86-64), so code
 * written against {@link Process} reads like C: {@code p.socket(AF_INET, SOCK_STREAM)}.
 */
public final class Sys {
    private Sys() {
    }

    // socket(2)
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    /** Or-ed into socket()'s type: the new descriptor is non-blocking. */
    public static final int SOCK_NONBLOCK = 0x800;

    // fcntl(2)
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int O_NONBLOCK = 0x800;

    // shutdown(2)
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;

    // send(2) / recv(2) flags
    public static final int MSG_PEEK = 0x2;
    /** recvmsg: some passed descriptors could not be installed and were closed. */
    public static final int MSG_CTRUNC = 0x8;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_WAITALL = 0x100;
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int MSG_MORE = 0x8000;
    public static final int MSG_FASTOPEN = 0x20000000;
    /** Linux MSG_ZEROCOPY: the kernel pins the user pages instead of copying them. */
    public static final int MSG_ZEROCOPY = 0x4000000;

    // poll(2)
    public static final int POLLIN = 0x1;
    public static final int POLLPRI = 0x2;
    public static final int POLLOUT = 0x4;
    public static final int POLLERR = 0x8;
    public static final int POLLHUP = 0x10;
    public static final int POLLNVAL = 0x20;
    public static final int POLLRDHUP = 0x2000;

    // epoll(7)
    public static final int EPOLLIN = POLLIN;
    public static final int EPOLLOUT = POLLOUT;
    public static final int EPOLLERR = POLLERR;
    public static final int EPOLLHUP = POLLHUP;
    public static final int EPOLLRDHUP = POLLRDHUP;
    public static final int EPOLLONESHOT = 1 << 30;
    public static final int EPOLLET = 1 << 31;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;

    /** select(2)'s limit: an fd_set holds descriptors 0..1023. */
    public static final int FD_SETSIZE = 1024;
    /** Linux's default soft RLIMIT_NOFILE. */
    public static final int DEFAULT_MAX_FDS = 1024;

    // setsockopt(2) levels and options
    public static final int SOL_SOCKET = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_TYPE = 3;
    public static final int SO_ERROR = 4;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_KEEPALIVE = 9;
    /** Value: linger seconds, or -1 for l_onoff = 0 (the default). */
    public static final int SO_LINGER = 13;
    public static final int SO_REUSEPORT = 15;
    /** Value: picoseconds, 0 for no timeout (the default). */
    public static final int SO_RCVTIMEO = 20;
    /** Value: picoseconds, 0 for no timeout (the default). */
    public static final int SO_SNDTIMEO = 21;
    public static final int TCP_NODELAY = 1;
    public static final int TCP_MAXSEG = 2;
    public static final int TCP_CORK = 3;
    /** Value: seconds. */
    public static final int TCP_KEEPIDLE = 4;
    /** Value: seconds. */
    public static final int TCP_KEEPINTVL = 5;
    public static final int TCP_KEEPCNT = 6;
    public static final int TCP_QUICKACK = 12;
    /** On a listener: the Fast Open queue length; any value > 0 enables server Fast Open. */
    public static final int TCP_FASTOPEN = 23;

    /** poll()/select()/epoll_wait() timeout meaning "wait forever". */
    public static final long FOREVER = -1;
}
