package org.sockeye.os;

import java.util.Arrays;
import org.sockeye.config.CpuSpec;
import org.sockeye.net.Core;
import org.sockeye.net.Machine;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;

/**
 * A single-threaded simulated process and its system calls: the BSD socket API with POSIX names,
 * Linux's results and errno values (as negated numbers, see {@link Resume}).
 *
 * <p><b>Two kinds of call.</b> Calls that never wait ({@code socket}, {@code bind},
 * {@code listen}, {@code setsockopt}, {@code close}, {@code epollCtl}, ...) return their result
 * at once; their CPU time is owed and delays the process's next waiting call. Calls that can take
 * simulated time ({@code connect}, {@code accept}, {@code send}, {@code recv}, {@code poll},
 * {@code epollWait}, {@code sleep}, ...) take a {@link Resume} continuation and return nothing;
 * the continuation runs when the call completes, and may make the next call. A process has at
 * most one such call outstanding (it is one thread); making a second throws.
 *
 * <p><b>Time.</b> On a host with {@code cpu:}, a waiting call first costs its system-call entry
 * and per-call work on the process's core, takes effect, costs its copy, and then resumes the
 * process. A blocking call that must wait puts the process to sleep on the file's wait queue; the
 * wake-up costs a context switch. On a host without {@code cpu:} all of that takes no time.
 */
public final class Process implements Core.Client {
    private static final int ATTEMPT = 1;
    private static final int RESUME = 2;
    private static final int TIMED_OUT = 3;

    private final Kernel kernel;
    private final String name;
    private final int pid;
    private final int core;
    private final Scheduler scheduler;
    private final Machine machine;
    private final CpuSpec costs;
    private OpenFile[] fds = new OpenFile[16];
    private int maxFds = Sys.DEFAULT_MAX_FDS;
    private int openFds;
    private int lowestFree;
    private final Call call = new Call();
    private boolean busy;
    private boolean blocked;
    private boolean exited;
    private long debtPs;
    private long result;
    private boolean stepping;
    private int deferred;
    /** sendto's message header: one call at a time, so one suffices. */
    private final MsgHdr sendtoScratch = new MsgHdr();
    private final ProcessWaiter self = new ProcessWaiter();
    private ProcessWaiter[] pollWaiters = new ProcessWaiter[0];
    private int pollWaiting;
    private final Event timer = new Event() {
        @Override
        public void run() {
            timedOut();
        }
    };

    Process(Kernel kernel, String name, int pid, int core) {
        this.kernel = kernel;
        this.name = name;
        this.pid = pid;
        this.core = core;
        this.scheduler = kernel.scheduler();
        this.machine = kernel.machine();
        this.costs = kernel.costs();
    }

    public String name() {
        return name;
    }

    public int pid() {
        return pid;
    }

    /** The core this process runs on. */
    public int core() {
        return core;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Simulated time now. */
    public long now() {
        return scheduler.now();
    }

    /** setrlimit(RLIMIT_NOFILE): the most descriptors this process may have open (default 1024). */
    public void setMaxFds(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max fds must be at least 1: " + max);
        }
        this.maxFds = max;
    }

    public int openFds() {
        return openFds;
    }

    /** Whether a waiting call is outstanding. */
    public boolean busy() {
        return busy;
    }

    // =============================================================== calls that never wait

    /** socket(2): AF_INET or AF_UNIX, SOCK_STREAM or SOCK_DGRAM, optionally | SOCK_NONBLOCK. */
    public int socket(int domain, int type) {
        charge(0);
        int base = type & ~Sys.SOCK_NONBLOCK;
        OpenFile f;
        if (domain == Sys.AF_INET && base == Sys.SOCK_STREAM) {
            f = new TcpSocketFile(kernel);
        } else if (domain == Sys.AF_INET && base == Sys.SOCK_DGRAM) {
            f = new UdpSocketFile(kernel);
        } else if (domain == Sys.AF_UNIX && (base == Sys.SOCK_STREAM || base == Sys.SOCK_DGRAM)) {
            f = new UnixSocketFile(kernel, base);
        } else {
            return (int) OpenFile.err(domain == Sys.AF_INET || domain == Sys.AF_UNIX ? Errno.EPROTOTYPE
                    : Errno.EAFNOSUPPORT);
        }
        f.nonblocking = (type & Sys.SOCK_NONBLOCK) != 0;
        return install(f);
    }

    /** socketpair(2): two connected AF_UNIX sockets, their descriptors written to {@code sv}. */
    public int socketpair(int domain, int type, int[] sv) {
        charge(0);
        int base = type & ~Sys.SOCK_NONBLOCK;
        if (domain != Sys.AF_UNIX) {
            return (int) OpenFile.err(Errno.EOPNOTSUPP);
        }
        if (base != Sys.SOCK_STREAM && base != Sys.SOCK_DGRAM) {
            return (int) OpenFile.err(Errno.EPROTOTYPE);
        }
        if (openFds + 2 > maxFds) {
            return (int) OpenFile.err(Errno.EMFILE);
        }
        UnixSocketFile a = new UnixSocketFile(kernel, base);
        UnixSocketFile b = new UnixSocketFile(kernel, base);
        UnixSocketFile.pair(a, b);
        a.nonblocking = b.nonblocking = (type & Sys.SOCK_NONBLOCK) != 0;
        sv[0] = install(a);
        sv[1] = install(b);
        return 0;
    }

    public int bind(int fd, SockAddr addr) {
        charge(0);
        OpenFile f = file(fd);
        return f == null ? (int) OpenFile.err(Errno.EBADF) : f.bind(this, addr);
    }

    public int listen(int fd, int backlog) {
        charge(0);
        OpenFile f = file(fd);
        return f == null ? (int) OpenFile.err(Errno.EBADF) : f.listen(this, backlog);
    }

    /** shutdown(2): SHUT_RD, SHUT_WR or SHUT_RDWR. */
    public int shutdown(int fd, int how) {
        charge(0);
        OpenFile f = file(fd);
        if (f == null) {
            return (int) OpenFile.err(Errno.EBADF);
        }
        if (how < Sys.SHUT_RD || how > Sys.SHUT_RDWR) {
            return (int) OpenFile.err(Errno.EINVAL);
        }
        return f.shutdown(how);
    }

    /**
     * close(2). The description is released with its last descriptor; a TCP connection then goes
     * on closing in the kernel (FIN, TIME_WAIT), or is reset if unread data remains or SO_LINGER
     * is on with a zero timeout. This form never waits; {@link #close(int, Resume)} honours a
     * SO_LINGER timeout.
     */
    public int close(int fd) {
        charge(0);
        OpenFile f = file(fd);
        if (f == null) {
            return (int) OpenFile.err(Errno.EBADF);
        }
        uninstall(fd);
        return 0;
    }

    /** fcntl(2): F_GETFL and F_SETFL with O_NONBLOCK. */
    public int fcntl(int fd, int cmd, int arg) {
        charge(0);
        OpenFile f = file(fd);
        if (f == null) {
            return (int) OpenFile.err(Errno.EBADF);
        }
        return switch (cmd) {
            case Sys.F_GETFL -> f.nonblocking ? Sys.O_NONBLOCK | 2 : 2; // O_RDWR
            case Sys.F_SETFL -> {
                f.nonblocking = (arg & Sys.O_NONBLOCK) != 0;
                yield 0;
            }
            default -> (int) OpenFile.err(Errno.EINVAL);
        };
    }

    /** setsockopt(2) with an integer value (see {@link Sys} for each option's unit). */
    public int setsockopt(int fd, int level, int option, long value) {
        charge(0);
        OpenFile f = file(fd);
        if (f == null) {
            return (int) OpenFile.err(Errno.EBADF);
        }
        if (f.setTimeout(level, option, value)) {
            return 0;
        }
        return f.setsockopt(level, option, value);
    }

    /** getsockopt(2): the option's value, or a negated errno. SO_ERROR reads and clears the error. */
    public long getsockopt(int fd, int level, int option) {
        charge(0);
        OpenFile f = file(fd);
        if (f == null) {
            return OpenFile.err(Errno.EBADF);
        }
        if (level == Sys.SOL_SOCKET && (option == Sys.SO_RCVTIMEO || option == Sys.SO_SNDTIMEO) && f.isSocket()) {
            return f.timeout(option);
        }
        return f.getsockopt(level, option);
    }

    /** getsockname(2), or null for a bad descriptor. */
    public SockAddr getsockname(int fd) {
        OpenFile f = file(fd);
        return f == null ? null : f.localAddress();
    }

    /** getpeername(2), or null for a bad or unconnected descriptor. */
    public SockAddr getpeername(int fd) {
        OpenFile f = file(fd);
        return f == null ? null : f.peerAddress();
    }

    /** dup(2): a new descriptor (the lowest free) for the same open file description. */
    public int dup(int fd) {
        charge(0);
        OpenFile f = file(fd);
        return f == null ? (int) OpenFile.err(Errno.EBADF) : install(f);
    }

    /**
     * The kernel's TCP connection behind {@code fd}, or null: what ss(8) and TCP_INFO show, for
     * tracing and statistics (not a system call; costs nothing).
     */
    public org.sockeye.net.TcpSocket tcpConnection(int fd) {
        return file(fd) instanceof TcpSocketFile t ? t.connection() : null;
    }

    /** unlink(2) of an AF_UNIX socket path. */
    public int unlink(String path) {
        charge(0);
        return kernel.unixPaths.remove(path) == null ? (int) OpenFile.err(Errno.ENOENT) : 0;
    }

    /** epoll_create1(0). */
    public int epollCreate() {
        charge(0);
        return install(new EpollFile(kernel));
    }

    /** epoll_ctl(2): EPOLL_CTL_ADD, _MOD or _DEL of {@code fd} with {@code events} and user {@code data}. */
    public int epollCtl(int epfd, int op, int fd, int events, long data) {
        charge(costs.epollCtlPs());
        OpenFile e = file(epfd);
        OpenFile f = file(fd);
        if (e == null || f == null) {
            return (int) OpenFile.err(Errno.EBADF);
        }
        if (!(e instanceof EpollFile ep) || e == f) {
            return (int) OpenFile.err(Errno.EINVAL);
        }
        return ep.control(op, fd, f, events, data);
    }

    // =============================================================== calls that may wait

    /** connect(2): TCP handshake (blocking: until established or failed), AF_UNIX, or a UDP default peer. */
    public void connect(int fd, SockAddr addr, Resume k) {
        Call c = begin(Call.CONNECT, fd, k);
        c.addr = addr;
        c.timeoutPs = c.file == null ? 0 : c.file.sndTimeoutPs;
        enter(0);
    }

    /** accept(2): the new connection's descriptor. */
    public void accept(int fd, Resume k) {
        Call c = begin(Call.ACCEPT, fd, k);
        c.timeoutPs = c.file == null ? 0 : c.file.rcvTimeoutPs;
        enter(0);
    }

    /** send(2) of {@code length} virtual bytes. A blocking stream send returns once all are queued. */
    public void send(int fd, int length, int flags, Resume k) {
        send(fd, null, length, flags, null, k);
    }

    /** send(2) of the first {@code length} bytes of {@code data}. */
    public void send(int fd, byte[] data, int length, int flags, Resume k) {
        send(fd, data, length, flags, null, k);
    }

    /** write(2). */
    public void write(int fd, int length, Resume k) {
        send(fd, null, length, 0, null, k);
    }

    /** sendto(2): to {@code to} (null: the connected peer). */
    public void sendto(int fd, int length, int flags, SockAddr to, Resume k) {
        sendto(fd, length, flags, to, 0, k);
    }

    /** sendto(2) carrying the application bytes {@code appSeq} (a UDP sequence number, as iperf writes). */
    public void sendto(int fd, int length, int flags, SockAddr to, long appSeq, Resume k) {
        MsgHdr m = sendtoScratch;
        m.name = to;
        m.length = length;
        m.appSeq = appSeq;
        send(fd, null, length, flags, m, k);
    }

    /** sendmsg(2): payload, destination and SCM_RIGHTS descriptors from {@code m}. */
    public void sendmsg(int fd, MsgHdr m, int flags, Resume k) {
        send(fd, m.data, m.length, flags, m, k);
    }

    /** sendfile(2) of {@code count} bytes from the page cache to socket {@code outFd}: no copy cost. */
    public void sendfile(int outFd, int count, Resume k) {
        send(outFd, null, count, Sys.MSG_ZEROCOPY, null, k); // the kernel sends page-cache pages: nothing copied
    }

    private void send(int fd, byte[] data, int length, int flags, MsgHdr m, Resume k) {
        Call c = begin(Call.SEND, fd, k);
        c.data = data;
        c.length = Math.max(0, length);
        c.flags = flags;
        c.msg = m;
        c.zeroCopy = (flags & Sys.MSG_ZEROCOPY) != 0;
        c.timeoutPs = c.file == null ? 0 : c.file.sndTimeoutPs;
        long extra = 0;
        if (c.file != null) {
            c.copyPrepaid = c.zeroCopy ? 0 : Math.min(c.length, c.file.sendSpace());
            extra = costs.copyPs(c.copyPrepaid) + (c.file.isUnix() ? costs.unixSendPs() : 0);
        }
        enter(extra);
    }

    /** recv(2) of up to {@code max} bytes; 0 is end of stream. */
    public void recv(int fd, int max, int flags, Resume k) {
        recv(fd, null, max, flags, null, k);
    }

    /** recv(2) into {@code into} (real bytes; zeros where the sender's were virtual). */
    public void recv(int fd, byte[] into, int max, int flags, Resume k) {
        recv(fd, into, max, flags, null, k);
    }

    /** read(2). */
    public void read(int fd, int max, Resume k) {
        recv(fd, null, max, 0, null, k);
    }

    /** recvfrom(2) / recvmsg(2): {@code m} receives the source address, descriptors and datagram data. */
    public void recvmsg(int fd, MsgHdr m, int flags, Resume k) {
        recv(fd, m.data, m.length, flags, m, k);
    }

    private void recv(int fd, byte[] into, int max, int flags, MsgHdr m, Resume k) {
        Call c = begin(Call.RECV, fd, k);
        c.data = into;
        c.length = Math.max(0, max);
        c.flags = flags;
        c.msg = m;
        c.timeoutPs = c.file == null ? 0 : c.file.rcvTimeoutPs;
        enter(0);
    }

    /**
     * poll(2) of the first {@code nfds} entries; {@code timeoutPs} 0 returns at once, {@link Sys#FOREVER}
     * waits without limit. The kernel walks every entry on each pass, so each pass costs per entry.
     */
    public void poll(PollFd[] fds, int nfds, long timeoutPs, Resume k) {
        Call c = begin(Call.POLL, -1, k);
        c.pollFds = fds;
        c.nfds = Math.max(0, nfds);
        c.timeoutPs = timeoutPs;
        enter(costs.pollPerFdPs() * c.nfds);
    }

    /**
     * select(2): the sets are read, then overwritten with the ready descriptors. {@code nfds} above
     * {@link Sys#FD_SETSIZE} is EINVAL: an fd_set cannot hold descriptors of 1024 or more.
     */
    public void select(int nfds, FdSet read, FdSet write, FdSet except, long timeoutPs, Resume k) {
        Call c = begin(Call.SELECT, -1, k);
        c.nfds = nfds;
        c.readSet = read;
        c.writeSet = write;
        c.exceptSet = except;
        c.timeoutPs = timeoutPs;
        if (read != null) {
            c.readIn.copyFrom(read);
        }
        if (write != null) {
            c.writeIn.copyFrom(write);
        }
        if (except != null) {
            c.exceptIn.copyFrom(except);
        }
        enter(costs.pollPerFdPs() * Math.max(0, Math.min(nfds, Sys.FD_SETSIZE)));
    }

    /** epoll_wait(2): up to {@code max} ready events into {@code events}; cost per event returned. */
    public void epollWait(int epfd, EpollEvent[] events, int max, long timeoutPs, Resume k) {
        Call c = begin(Call.EPOLL_WAIT, epfd, k);
        c.events = events;
        c.length = Math.min(max, events.length);
        c.timeoutPs = timeoutPs;
        enter(0);
    }

    /** nanosleep(2): resumes with 0 after {@code ps}. */
    public void sleep(long ps, Resume k) {
        Call c = begin(Call.SLEEP, -1, k);
        c.timeoutPs = Math.max(1, ps);
        enter(0);
    }

    /** The application's own work: {@code ps} of CPU time on the process's core (no system call). */
    public void compute(long ps, Resume k) {
        begin(Call.COMPUTE, -1, k); // the application's own work, not a system call
        long cost = debtPs + Math.max(0, ps);
        debtPs = 0;
        result = 0;
        cpu(cost, RESUME);
    }

    /**
     * close(2) as a call that may wait: on a blocking TCP socket with SO_LINGER set to a timeout,
     * the last close sends the FIN and returns 0 once it is acknowledged, or EWOULDBLOCK (EAGAIN)
     * when the timeout passes first; the descriptor is gone either way (Linux tcp_close).
     * Otherwise as {@link #close(int)}.
     */
    public void close(int fd, Resume k) {
        Call c = begin(Call.CLOSE, fd, k);
        if (c.file != null && c.file.lingers() && c.file.refs == 1 && !c.file.nonblocking) {
            c.timeoutPs = c.file.lingerPs();
        }
        enter(0);
    }

    /** Ends the process: its descriptors are closed and any call in progress is abandoned. */
    public void exit() {
        if (exited) {
            return;
        }
        exited = true;
        stopWaiting();
        busy = false;
        call.clear();
        for (int fd = 0; fd < fds.length; fd++) {
            if (fds[fd] != null) {
                uninstall(fd);
            }
        }
    }

    public boolean exited() {
        return exited;
    }

    // =============================================================== the call engine

    private Call begin(int op, int fd, Resume k) {
        if (exited) {
            throw new IllegalStateException(name + " has exited");
        }
        if (busy) {
            throw new IllegalStateException(name + " (pid " + pid + ") already has a system call in progress: "
                    + "a process is single-threaded; make the next call from the continuation");
        }
        busy = true;
        Call c = call;
        c.op = op;
        c.fd = fd;
        c.file = fd >= 0 ? file(fd) : null;
        c.k = k;
        c.flags = 0;
        return c;
    }

    /** Pays the entry cost (system call + {@code extraPs} + what earlier calls owe), then attempts. */
    private void enter(long extraPs) {
        kernel.syscalls++;
        long cost = debtPs + costs.syscallPs() + extraPs;
        debtPs = 0;
        cpu(cost, ATTEMPT);
    }

    /** Adds a call that does not wait to what the process owes its core. */
    private void charge(long extraPs) {
        kernel.syscalls++;
        debtPs += costs.syscallPs() + extraPs;
    }

    /**
     * Runs {@code phase} after {@code costPs} on this process's core, behind the work already
     * queued there (so a call returns only after the stack work it caused on its core, as the
     * kernel's synchronous transmit path does); at once, trampolined, if that is no time at all.
     */
    private void cpu(long costPs, int phase) {
        if (machine != null && (costPs > 0 || !machine.core(core).idle(scheduler.now()))) {
            machine.core(core).submit(this, phase, null, costPs, 0);
            return;
        }
        if (stepping) {
            deferred = phase; // the running step will take it when it returns: no recursion
            return;
        }
        run(phase);
    }

    @Override
    public void workDone(int phase, Packet unused) {
        run(phase);
    }

    private void run(int phase) {
        int outer = machine == null ? -1 : machine.enter(core);
        Process outerProcess = machine == null ? null : kernel.enterRunning(core, this);
        stepping = true;
        try {
            int next = phase;
            while (next != 0) {
                deferred = 0;
                step(next);
                next = deferred;
            }
        } finally {
            stepping = false;
            if (machine != null) {
                machine.leave(outer);
                kernel.enterRunning(core, outerProcess);
                kernel.afterStep(core);
            }
        }
    }

    private void step(int phase) {
        if (exited) {
            return;
        }
        switch (phase) {
            case ATTEMPT -> {
                long r = attempt(call);
                if (r == OpenFile.BLOCK) {
                    sleep();
                } else {
                    finish(r);
                }
            }
            case TIMED_OUT -> {
                if (call.op == Call.SELECT) {
                    ReadinessScan.clearSets(call);
                } else if (call.op == Call.CLOSE) {
                    uninstall(call.fd); // the linger timed out: the descriptor is gone all the same
                }
                finish(timeoutResult(call));
            }
            case RESUME -> {
                Resume k = call.k;
                call.clear();
                busy = false;
                k.resume(result);
            }
            default -> throw new IllegalStateException("phase " + phase);
        }
    }

    /** Records the result and pays the work after the effect: copies out, per-event costs. */
    private void finish(long r) {
        result = r;
        long cost = 0;
        Call c = call;
        if (c.op == Call.RECV && r > 0) {
            cost = costs.copyPs(r) + (c.file.isUnix() ? costs.unixRecvPs() : 0);
        } else if (c.op == Call.SEND && r > 0 && !c.zeroCopy) {
            cost = costs.copyPs(Math.max(0, r - c.copyPrepaid));
        } else if (c.op == Call.EPOLL_WAIT && r > 0) {
            cost = costs.epollPerEventPs() * r;
        }
        cpu(cost, RESUME);
    }

    private long attempt(Call c) {
        if (c.fd >= 0 && c.file == null) {
            return OpenFile.err(Errno.EBADF);
        }
        return switch (c.op) {
            case Call.CONNECT -> c.file.connect(this, c);
            case Call.ACCEPT -> c.file.accept(this, c);
            case Call.SEND -> c.file.send(this, c);
            case Call.RECV -> c.file.recv(this, c);
            case Call.POLL -> ReadinessScan.poll(this, c);
            case Call.SELECT -> ReadinessScan.select(this, c);
            case Call.EPOLL_WAIT -> c.file instanceof EpollFile e ? e.collect(c) : OpenFile.err(Errno.EINVAL);
            case Call.SLEEP -> OpenFile.BLOCK; // only its timeout ends it
            case Call.CLOSE -> closing(c);
            default -> throw new IllegalStateException("op " + c.op);
        };
    }

    /** A close that may linger: the FIN goes out first, the descriptor is released once it is acked. */
    private long closing(Call c) {
        if (c.timeoutPs > 0 && c.file.lingers()) {
            if (!c.retry) {
                c.file.startClosing();
            }
            if (c.file.lingers()) {
                return OpenFile.BLOCK;
            }
        }
        uninstall(c.fd);
        return 0;
    }

    /** What a call that timed out returns. */
    private static long timeoutResult(Call c) {
        return switch (c.op) {
            case Call.POLL, Call.SELECT, Call.EPOLL_WAIT, Call.SLEEP -> 0;
            case Call.CONNECT -> OpenFile.err(Errno.EINPROGRESS);
            case Call.SEND -> c.progress > 0 ? c.progress : OpenFile.err(Errno.EAGAIN);
            default -> OpenFile.err(Errno.EAGAIN);
        };
    }

    // ---------------------------------------------------------------- sleeping and waking

    private void sleep() {
        Call c = call;
        blocked = true;
        switch (c.op) {
            case Call.POLL, Call.SELECT -> ReadinessScan.register(this, c);
            case Call.SLEEP -> { }
            default -> wait(c.file.waitTarget(c), interest(c));
        }
        if (c.timeoutPs > 0) {
            scheduler.scheduleIn(timer, c.timeoutPs);
        }
    }

    private static int interest(Call c) {
        return switch (c.op) {
            case Call.ACCEPT, Call.RECV, Call.EPOLL_WAIT -> Sys.POLLIN | Sys.POLLRDHUP;
            case Call.CONNECT, Call.SEND, Call.CLOSE -> Sys.POLLOUT;
            default -> -1;
        };
    }

    private void wait(OpenFile f, int interest) {
        self.interest = interest;
        f.waiters.add(self);
    }

    /** A poll/select pass found nothing: wait on the {@code i}-th watched file. */
    void waitAlso(OpenFile f, int interest) {
        if (pollWaiting == pollWaiters.length) {
            pollWaiters = Arrays.copyOf(pollWaiters, Math.max(8, pollWaiting * 2));
        }
        ProcessWaiter w = pollWaiters[pollWaiting];
        if (w == null) {
            w = new ProcessWaiter();
            pollWaiters[pollWaiting] = w;
        }
        pollWaiting++;
        w.interest = interest;
        f.waiters.add(w);
    }

    private void stopWaiting() {
        blocked = false;
        if (self.queue != null) {
            self.queue.remove(self);
        }
        for (int i = 0; i < pollWaiting; i++) {
            ProcessWaiter w = pollWaiters[i];
            if (w.queue != null) {
                w.queue.remove(w);
            }
        }
        pollWaiting = 0;
        scheduler.cancel(timer);
    }

    /** A file the process sleeps on became ready: switch back in and try the call again. */
    private void woken() {
        if (!blocked) {
            return;
        }
        stopWaiting();
        if (machine != null && kernel.deferWake(this)) {
            return; // switched in once the process running on this core gets off it
        }
        switchIn();
    }

    /** Back on its core after a wake-up: pays the context switch and tries the call again. */
    void switchIn() {
        kernel.contextSwitches++;
        call.retry = true;
        long rescan = call.op == Call.POLL ? call.nfds : call.op == Call.SELECT ? Math.min(call.nfds, Sys.FD_SETSIZE) : 0;
        cpu(costs.contextSwitchPs() + costs.pollPerFdPs() * Math.max(0, rescan), ATTEMPT); // poll walks them all again
    }

    private void timedOut() {
        if (!blocked) {
            return;
        }
        stopWaiting();
        kernel.contextSwitches++;
        call.retry = true;
        cpu(costs.contextSwitchPs(), TIMED_OUT);
    }

    private final class ProcessWaiter extends Waiter {
        @Override
        void wake(int mask) {
            woken();
        }
    }

    // ---------------------------------------------------------------- descriptors

    /** The open file behind {@code fd}, or null. */
    OpenFile file(int fd) {
        return fd >= 0 && fd < fds.length ? fds[fd] : null;
    }

    /** Whether another descriptor can be opened (else EMFILE). */
    boolean canOpen() {
        return openFds < maxFds;
    }

    /** Installs {@code f} at the lowest free descriptor (POSIX); -EMFILE at the limit. */
    int install(OpenFile f) {
        if (openFds >= maxFds) {
            return (int) OpenFile.err(Errno.EMFILE);
        }
        int fd = lowestFree;
        while (fd < fds.length && fds[fd] != null) {
            fd++;
        }
        if (fd >= fds.length) {
            fds = Arrays.copyOf(fds, Math.max(fds.length * 2, fd + 1));
        }
        fds[fd] = f;
        f.refs++;
        openFds++;
        lowestFree = fd + 1;
        return fd;
    }

    private void uninstall(int fd) {
        OpenFile f = fds[fd];
        fds[fd] = null;
        openFds--;
        lowestFree = Math.min(lowestFree, fd);
        if (--f.refs == 0) {
            f.dropped();
        }
    }

    @Override
    public String toString() {
        return name + "[" + pid + "]@" + kernel.host().name();
    }
}
