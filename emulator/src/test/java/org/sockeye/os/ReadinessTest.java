package org.sockeye.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.os.Sys.AF_UNIX;
import static org.sockeye.os.Sys.SOCK_STREAM;
import static org.sockeye.os.TestBed.err;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.CpuSpec;
import org.sockeye.protocols.Errno;
import org.sockeye.sim.Time;

/** select(2), poll(2) and epoll(7): what they report, when they wake, and what they cost. */
class ReadinessTest {
    /** A connected AF_UNIX stream pair in {@code p}: sv[0] and sv[1]. */
    private static int[] pair(Process p) {
        int[] sv = new int[2];
        assertEquals(0, p.socketpair(AF_UNIX, SOCK_STREAM, sv));
        return sv;
    }

    @Test
    void pollTimesOutWithZeroThenWakesWhenDataArrives() {
        TestBed bed = TestBed.lone(null);
        Process reader = bed.process("h");
        Process writer = bed.process("h");
        int l = reader.socket(AF_UNIX, SOCK_STREAM);
        assertEquals(0, reader.bind(l, SockAddr.unix("/run/r.sock")));
        assertEquals(0, reader.listen(l, 4));
        long[] at = new long[2];
        PollFd[] fds = {new PollFd(-1, Sys.POLLIN)};
        reader.accept(l, fd -> {
            fds[0].fd = (int) fd;
            reader.poll(fds, 1, 5 * Time.MS, n -> {
                at[0] = reader.now();
                bed.results.add(n);
                reader.poll(fds, 1, Sys.FOREVER, m -> {
                    at[1] = reader.now();
                    bed.results.add(m);
                    bed.results.add((long) fds[0].revents);
                });
            });
        });
        int w = writer.socket(AF_UNIX, SOCK_STREAM);
        writer.connect(w, SockAddr.unix("/run/r.sock"), r -> writer.sleep(10 * Time.MS, x -> writer.send(w, 10, 0,
                y -> { })));
        bed.runFor(Time.S);
        assertEquals(List.of(0L, 1L, (long) Sys.POLLIN), bed.results);
        assertEquals(5 * Time.MS, at[0], "the timeout");
        assertEquals(10 * Time.MS, at[1], "woken by the write");
    }

    @Test
    void epollLevelTriggeredReportsUntilReadEdgeTriggeredOnceOneshotUntilRearmed() {
        TestBed bed = TestBed.lone(null);
        Process p = bed.process("h");
        int[] lt = pair(p);
        int[] et = pair(p);
        int[] os = pair(p);
        int ep = p.epollCreate();
        assertEquals(0, p.epollCtl(ep, Sys.EPOLL_CTL_ADD, lt[0], Sys.EPOLLIN, 1));
        assertEquals(0, p.epollCtl(ep, Sys.EPOLL_CTL_ADD, et[0], Sys.EPOLLIN | Sys.EPOLLET, 2));
        assertEquals(0, p.epollCtl(ep, Sys.EPOLL_CTL_ADD, os[0], Sys.EPOLLIN | Sys.EPOLLONESHOT, 3));
        assertEquals(err(Errno.EEXIST), p.epollCtl(ep, Sys.EPOLL_CTL_ADD, lt[0], Sys.EPOLLIN, 1));
        EpollEvent[] ev = {new EpollEvent(), new EpollEvent(), new EpollEvent(), new EpollEvent()};
        List<List<Long>> rounds = new ArrayList<>();
        Resume collect = n -> {
            List<Long> got = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                got.add(ev[i].data);
            }
            rounds.add(got);
        };
        p.send(lt[1], 10, 0, a -> p.send(et[1], 10, 0, b -> p.send(os[1], 10, 0,
                c -> p.epollWait(ep, ev, 4, 0, n -> {
                    collect.resume(n);
                    p.epollWait(ep, ev, 4, 0, m -> {
                        collect.resume(m);
                        p.epollCtl(ep, Sys.EPOLL_CTL_MOD, os[0], Sys.EPOLLIN | Sys.EPOLLONESHOT, 3);
                        p.epollWait(ep, ev, 4, 0, collect);
                    });
                }))));
        bed.runFor(Time.MS);
        assertEquals(List.of(List.of(1L, 2L, 3L), List.of(1L), List.of(1L, 3L)), rounds,
                "LT: again while unread; ET: once per arrival; ONESHOT: again only after EPOLL_CTL_MOD");
    }

    @Test
    void closingTheLastDescriptorRemovesAFileFromEpoll() {
        TestBed bed = TestBed.lone(null);
        Process p = bed.process("h");
        int[] sv = pair(p);
        int ep = p.epollCreate();
        p.epollCtl(ep, Sys.EPOLL_CTL_ADD, sv[0], Sys.EPOLLIN, 7);
        EpollFile e = (EpollFile) p.file(ep);
        int copy = p.dup(sv[0]);
        p.close(sv[0]);
        assertEquals(1, e.watched(), "another descriptor still refers to the file: it stays registered (Linux)");
        p.close(copy);
        assertEquals(0, e.watched());
    }

    @Test
    void selectRefusesDescriptorsFromFdSetsizeOn() {
        FdSet set = new FdSet();
        assertTrue(set.set(1023));
        assertFalse(set.set(1024), "an fd_set holds 0..1023");
        TestBed bed = TestBed.lone(null);
        Process p = bed.process("h");
        p.select(1025, set, null, null, 0, bed.record());
        bed.runFor(Time.MS);
        assertEquals(List.of(err(Errno.EINVAL)), bed.results);
    }

    @Test
    void selectReportsReadableAndWritableAndRewritesItsSets() {
        TestBed bed = TestBed.lone(null);
        Process p = bed.process("h");
        int[] sv = pair(p);
        FdSet rd = new FdSet();
        FdSet wr = new FdSet();
        rd.set(sv[0]);
        rd.set(sv[1]);
        wr.set(sv[1]);
        p.send(sv[1], 5, 0, x -> p.select(sv[1] + 1, rd, wr, null, 0, bed.record()));
        bed.runFor(Time.MS);
        assertEquals(List.of(2L), bed.results);
        assertTrue(rd.isSet(sv[0]) && !rd.isSet(sv[1]) && wr.isSet(sv[1]));
    }

    /** How long one readiness call takes on a machine with {@code watched} idle descriptors and one ready. */
    private static long callTime(String which, int watched) {
        TestBed bed = TestBed.lone(CpuSpec.linuxX86(1));
        Process p = bed.process("h");
        p.setMaxFds(4 * watched + 16);
        int[] ready = pair(p);
        List<Integer> idle = new ArrayList<>();
        for (int i = 0; i < watched - 1; i++) {
            idle.add(pair(p)[0]);
        }
        int ep = p.epollCreate();
        PollFd[] pfd = new PollFd[watched];
        pfd[0] = new PollFd(ready[0], Sys.POLLIN);
        p.epollCtl(ep, Sys.EPOLL_CTL_ADD, ready[0], Sys.EPOLLIN, 0);
        for (int i = 1; i < watched; i++) {
            pfd[i] = new PollFd(idle.get(i - 1), Sys.POLLIN);
            p.epollCtl(ep, Sys.EPOLL_CTL_ADD, idle.get(i - 1), Sys.EPOLLIN, i);
        }
        EpollEvent[] ev = {new EpollEvent()};
        long[] took = new long[1];
        p.send(ready[1], 1, 0, x -> {
            long start = p.now();
            Resume done = n -> {
                assertEquals(1, n);
                took[0] = p.now() - start;
            };
            if (which.equals("poll")) {
                p.poll(pfd, watched, 0, done);
            } else {
                p.epollWait(ep, ev, 1, 0, done);
            }
        });
        bed.runFor(Time.S);
        return took[0];
    }

    @Test
    void pollCostGrowsWithDescriptorsWatchedEpollWithEventsReturned() {
        CpuSpec c = CpuSpec.linuxX86(1);
        assertEquals(c.syscallPs() + 1000 * c.pollPerFdPs(), callTime("poll", 1000));
        assertEquals(c.syscallPs() + 10 * c.pollPerFdPs(), callTime("poll", 10));
        long epoll = c.syscallPs() + c.epollPerEventPs();
        assertEquals(epoll, callTime("epoll", 1000), "epoll_wait: one ready event, whatever is watched");
        assertEquals(epoll, callTime("epoll", 10));
    }
}
