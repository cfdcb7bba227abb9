package org.sockeye.protocols;

/** POSIX error numbers (Linux values) that protocol engines and the socket layer report. */
public enum Errno {
    EPERM(1), ENOENT(2), EINTR(4), EBADF(9), EAGAIN(11), ENOMEM(12), EACCES(13), EFAULT(14),
    EINVAL(22), EMFILE(24), ENOSPC(28), EPIPE(32), EMSGSIZE(90), EPROTOTYPE(91), ENOPROTOOPT(92),
    EOPNOTSUPP(95), EADDRINUSE(98), EADDRNOTAVAIL(99), ENETUNREACH(101), ECONNABORTED(103),
    ECONNRESET(104), ENOBUFS(105), EISCONN(106), ENOTCONN(107), ETIMEDOUT(110), ECONNREFUSED(111),
    EHOSTUNREACH(113), EALREADY(114), EINPROGRESS(115);

    public final int code;

    Errno(int code) {
        this.code = code;
    }
}
