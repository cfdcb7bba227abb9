package org.sockeye.os;

import org.sockeye.protocols.Errno;

/**
 * poll(2) and select(2): one pass over every watched descriptor asking its file for readiness
 * (Linux do_poll / do_select), which is why their cost grows with the number watched, ready or
 * not. A pass that finds nothing puts the caller on every watched file's wait queue; any wake-up
 * makes it pass over all of them again.
 */
final class ReadinessScan {
    private static final int READ_BITS = Sys.POLLIN | Sys.POLLHUP | Sys.POLLERR | Sys.POLLRDHUP;
    private static final int WRITE_BITS = Sys.POLLOUT | Sys.POLLERR;

    private ReadinessScan() {
    }

    static long poll(Process p, Call c) {
        int ready = 0;
        for (int i = 0; i < c.nfds; i++) {
            PollFd pf = c.pollFds[i];
            if (pf.fd < 0) {
                pf.revents = 0; // poll(2): negative descriptors are ignored
                continue;
            }
            OpenFile f = p.file(pf.fd);
            int m = f == null ? Sys.POLLNVAL : f.pollMask() & (pf.events | OpenFile.ALWAYS);
            pf.revents = m;
            if (m != 0) {
                ready++;
            }
        }
        return ready > 0 || c.timeoutPs == 0 ? ready : OpenFile.BLOCK;
    }

    static long select(Process p, Call c) {
        if (c.nfds < 0 || c.nfds > Sys.FD_SETSIZE) {
            return OpenFile.err(Errno.EINVAL);
        }
        int ready = 0;
        for (int fd = 0; fd < c.nfds; fd++) {
            boolean r = c.readSet != null && c.readIn.isSet(fd);
            boolean w = c.writeSet != null && c.writeIn.isSet(fd);
            boolean x = c.exceptSet != null && c.exceptIn.isSet(fd);
            if (!r && !w && !x) {
                continue;
            }
            OpenFile f = p.file(fd);
            if (f == null) {
                return OpenFile.err(Errno.EBADF);
            }
            int m = f.pollMask();
            if (r && (m & READ_BITS) != 0) {
                ready++;
            }
            if (w && (m & WRITE_BITS) != 0) {
                ready++;
            }
            if (x && (m & Sys.POLLPRI) != 0) {
                ready++;
            }
        }
        if (ready == 0 && c.timeoutPs != 0) {
            return OpenFile.BLOCK;
        }
        // Overwrite the sets with what is ready (select's value-result arguments).
        clearSets(c);
        for (int fd = 0; fd < c.nfds && ready > 0; fd++) {
            OpenFile f = p.file(fd);
            if (f == null) {
                continue;
            }
            int m = f.pollMask();
            if (c.readSet != null && c.readIn.isSet(fd) && (m & READ_BITS) != 0) {
                c.readSet.set(fd);
            }
            if (c.writeSet != null && c.writeIn.isSet(fd) && (m & WRITE_BITS) != 0) {
                c.writeSet.set(fd);
            }
            if (c.exceptSet != null && c.exceptIn.isSet(fd) && (m & Sys.POLLPRI) != 0) {
                c.exceptSet.set(fd);
            }
        }
        return ready;
    }

    static void clearSets(Call c) {
        if (c.readSet != null) {
            c.readSet.zero();
        }
        if (c.writeSet != null) {
            c.writeSet.zero();
        }
        if (c.exceptSet != null) {
            c.exceptSet.zero();
        }
    }

    /** After a pass found nothing: sleep on every watched file. */
    static void register(Process p, Call c) {
        if (c.op == Call.POLL) {
            for (int i = 0; i < c.nfds; i++) {
                PollFd pf = c.pollFds[i];
                OpenFile f = pf.fd < 0 ? null : p.file(pf.fd);
                if (f != null) {
                    p.waitAlso(f, pf.events);
                }
            }
            return;
        }
        for (int fd = 0; fd < c.nfds; fd++) {
            int interest = (c.readIn.isSet(fd) && c.readSet != null ? READ_BITS : 0)
                    | (c.writeIn.isSet(fd) && c.writeSet != null ? WRITE_BITS : 0)
                    | (c.exceptIn.isSet(fd) && c.exceptSet != null ? Sys.POLLPRI : 0);
            OpenFile f = interest == 0 ? null : p.file(fd);
            if (f != null) {
                p.waitAlso(f, interest);
            }
        }
    }
}
