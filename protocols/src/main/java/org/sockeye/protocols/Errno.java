package org.sockeye.protocols;

/** POSIX error numbers (Linux values) that protocol engines and the socket layer report. */
public enum Errno {
    EPERM(1), ENOENT(2), EINTR(4), EBADF(9), EAGAIN(11), ENOMEM(12), EACCES(13), EFAULT(14),
    EEXIST(17), EINVAL(22), EMFILE(24), ENOSPC(28), EPIPE(32), ENOTSOCK(88), EDESTADDRREQ(89), EMSGSIZE(90),
    EPROTOTYPE(91), ENOPROTOOPT(92), EOPNOTSUPP(95), EAFNOSUPPORT(97), EADDRINUSE(98), EADDRNOTAVAIL(99), ENETUNREACH(101), ECONNABORTED(103),
    ECONNRESET(104), ENOBUFS(105), EISCONN(106), ENOTCONN(107), ETIMEDOUT(110), ECONNREFUSED(111),
    EHOSTUNREACH(113), EALREADY(114), EINPROGRESS(115);

    public final int code;
    private static final Errno[] BY_CODE = new Errno[256];

    static {
        for (Errno e : values()) {
            BY_CODE[e.code] = e;
        }
    }

    Errno(int code) {
        this.code = code;
    }

    /** The errno with {@code code}, or null. */
    public static Errno of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** A system call's result as text: the value, or the errno name for a negated code. */
    public static String describe(long result) {
        if (result >= 0) {
            return Long.toString(result);
        }
        Errno e = result >= -255 ? of((int) -result) : null;
        return e == null ? Long.toString(result) : e.name();
    }
}
