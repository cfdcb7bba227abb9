package org.sockeye.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.os.Sys.AF_INET;
import static org.sockeye.os.Sys.IPPROTO_TCP;
import static org.sockeye.os.Sys.SOCK_NONBLOCK;
import static org.sockeye.os.Sys.SOCK_STREAM;
import static org.sockeye.os.Sys.SOL_SOCKET;
import static org.sockeye.os.TestBed.err;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.protocols.Errno;
import org.sockeye.sim.Time;

/** The BSD socket API over TCP: POSIX calls with Linux's results and errno values. */
class TcpSocketApiTest {
    private final TestBed bed = TestBed.pair();

    /** A server on b:80 that accepts one connection and hands its descriptor to {@code then}. */
    private Process server(java.util.function.BiConsumer<Process, Integer> then) {
        Process s = bed.process("b");
        int l = s.socket(AF_INET, SOCK_STREAM);
        assertEquals(0, s.bind(l, SockAddr.inet(0, 80)));
        assertEquals(0, s.listen(l, 16));
        s.accept(l, fd -> then.accept(s, (int) fd));
        return s;
    }

    @Test
    void blockingConnectReturnsAfterOneRoundTripAndDataArrivesHalfARoundTripLater() {
        List<Long> got = new ArrayList<>();
        long[] at = new long[3];
        server((s, fd) -> s.recv(fd, 4096, 0, n -> {
            got.add(n);
            at[2] = s.now();
        }));
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.connect(fd, bed.at("b", 80), r -> {
            at[0] = c.now();
            got.add(r);
            c.send(fd, 1000, 0, n -> {
                at[1] = c.now();
                got.add(n);
            });
        });
        bed.runFor(Time.S);
        assertEquals(List.of(0L, 1000L, 1000L), got);
        // RFC 9293 §3.5: connect completes on the SYN-ACK, one round trip (2 x 1 ms plus serialisation).
        assertTrue(at[0] > 2 * Time.MS && at[0] < 2 * Time.MS + 10 * Time.US, "connect at " + at[0]);
        assertEquals(at[0], at[1], "a send that fits the buffer returns at once on a host without cpu:");
        assertTrue(at[2] > at[0] + Time.MS && at[2] < at[0] + Time.MS + 20 * Time.US, "recv at " + at[2]);
    }

    @Test
    void connectToAPortWithoutListenerIsRefused() {
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.connect(fd, bed.at("b", 81), bed.record());
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.ECONNREFUSED)), bed.results); // RFC 9293 §3.10.7.1: RST answers the SYN
    }

    @Test
    void nonBlockingConnectIsInProgressThenPollReportsWritableAndSoErrorIsZero() {
        server((s, fd) -> { });
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
        PollFd[] pfd = {new PollFd(fd, Sys.POLLOUT)};
        c.connect(fd, bed.at("b", 80), r -> {
            bed.results.add(r);
            c.poll(pfd, 1, Sys.FOREVER, n -> {
                bed.results.add(n);
                bed.results.add((long) pfd[0].revents);
                bed.results.add(c.getsockopt(fd, SOL_SOCKET, Sys.SO_ERROR));
            });
        });
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.EINPROGRESS), 1L, (long) Sys.POLLOUT, 0L), bed.results);
    }

    @Test
    void recvOnAnEmptyNonBlockingSocketIsEagainAndRcvtimeoEndsABlockingOneAfterItsTimeout() {
        long[] at = new long[1];
        server((s, fd) -> {
            s.fcntl(fd, Sys.F_SETFL, Sys.O_NONBLOCK);
            s.recv(fd, 100, 0, n -> {
                bed.results.add(n);
                s.fcntl(fd, Sys.F_SETFL, 0);
                s.setsockopt(fd, SOL_SOCKET, Sys.SO_RCVTIMEO, 5 * Time.MS);
                long start = s.now();
                s.recv(fd, 100, 0, m -> {
                    bed.results.add(m);
                    at[0] = s.now() - start;
                });
            });
        });
        Process c = bed.process("a");
        c.connect(c.socket(AF_INET, SOCK_STREAM), bed.at("b", 80), r -> { });
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.EAGAIN), err(Errno.EAGAIN)), bed.results);
        assertEquals(5 * Time.MS, at[0], "SO_RCVTIMEO: EAGAIN once the timeout passes with no data");
    }

    @Test
    void bindConflictsFollowLinux() {
        Process s = bed.process("b");
        int l = s.socket(AF_INET, SOCK_STREAM);
        assertEquals(0, s.bind(l, SockAddr.inet(0, 80)));
        assertEquals(0, s.listen(l, 8));
        int other = s.socket(AF_INET, SOCK_STREAM);
        assertEquals(err(Errno.EADDRINUSE), s.bind(other, SockAddr.inet(0, 80)), "a listener holds its port");
        s.setsockopt(other, SOL_SOCKET, Sys.SO_REUSEADDR, 1);
        assertEquals(err(Errno.EADDRINUSE), s.bind(other, SockAddr.inet(0, 80)), "SO_REUSEADDR does not share a listener's port");
        // SO_REUSEPORT: every socket on the port must set it (Linux 3.9).
        int r1 = s.socket(AF_INET, SOCK_STREAM);
        int r2 = s.socket(AF_INET, SOCK_STREAM);
        s.setsockopt(r1, SOL_SOCKET, Sys.SO_REUSEPORT, 1);
        s.setsockopt(r2, SOL_SOCKET, Sys.SO_REUSEPORT, 1);
        assertEquals(0, s.bind(r1, SockAddr.inet(0, 81)));
        assertEquals(0, s.bind(r2, SockAddr.inet(0, 81)));
        assertEquals(0, s.listen(r1, 8));
        assertEquals(0, s.listen(r2, 8));
        int r3 = s.socket(AF_INET, SOCK_STREAM);
        assertEquals(err(Errno.EADDRINUSE), s.bind(r3, SockAddr.inet(0, 81)));
        assertEquals(err(Errno.EADDRNOTAVAIL), s.bind(r3, SockAddr.inet("192.0.2.1", 82)), "not an address of this host");
    }

    @Test
    void theDescriptorLimitGivesEmfileAndTheLowestFreeDescriptorIsReused() {
        Process p = bed.process("a");
        p.setMaxFds(3);
        int a = p.socket(AF_INET, SOCK_STREAM);
        int b = p.socket(AF_INET, SOCK_STREAM);
        int c = p.socket(AF_INET, SOCK_STREAM);
        assertEquals(List.of(0, 1, 2), List.of(a, b, c));
        assertEquals(err(Errno.EMFILE), p.socket(AF_INET, SOCK_STREAM));
        assertEquals(0, p.close(b));
        assertEquals(1, p.socket(AF_INET, Sys.SOCK_DGRAM), "POSIX: the lowest free descriptor");
        assertEquals(err(Errno.EBADF), p.close(7));
    }

    @Test
    void ephemeralPortsRunOutWithEaddrnotavailAndTimeWaitHoldsThemForSixtySeconds() {
        bed.host("a").setEphemeralRange(40_000, 40_002);
        Process s = bed.process("b");
        int l = s.socket(AF_INET, SOCK_STREAM);
        s.bind(l, SockAddr.inet(0, 80));
        s.listen(l, 16);
        acceptAndCloseAtEndOfStream(s, l);
        Process c = bed.process("a");
        int[] fds = new int[4];
        List<Long> r = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fds[i] = c.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
            c.connect(fds[i], bed.at("b", 80), r::add);
        }
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.EINPROGRESS), err(Errno.EINPROGRESS), err(Errno.EINPROGRESS),
                err(Errno.EADDRNOTAVAIL)), r);
        for (int i = 0; i < 3; i++) {
            c.close(fds[i]); // the active closer goes through TIME_WAIT (RFC 9293 §3.6)
        }
        bed.runFor(30 * Time.S);
        int again = c.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
        c.connect(again, bed.at("b", 80), r::add);
        bed.runFor(31 * Time.S); // Linux TIME_WAIT is 60 s
        int later = c.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
        c.connect(later, bed.at("b", 80), r::add);
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.EADDRNOTAVAIL), err(Errno.EINPROGRESS)), r.subList(4, 6));
    }

    @Test
    void shutdownWriteGivesThePeerEndOfStreamAndLaterSendsEpipe() {
        server((s, fd) -> s.recv(fd, 100, 0, n -> bed.results.add(n)));
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.connect(fd, bed.at("b", 80), r -> {
            c.shutdown(fd, Sys.SHUT_WR);
            c.send(fd, 10, 0, bed.record());
        });
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.EPIPE), 0L), bed.results);
    }

    @Test
    void aResetIsReportedOnceAsEconnresetThenAsEndOfStream() {
        server((s, fd) -> {
            s.setsockopt(fd, SOL_SOCKET, Sys.SO_LINGER, 0); // close sends RST, no TIME_WAIT
            s.close(fd);
        });
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.connect(fd, bed.at("b", 80), r -> c.recv(fd, 100, 0, n -> {
            bed.results.add(n);
            c.recv(fd, 100, 0, bed.record());
        }));
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.ECONNRESET), 0L), bed.results);
    }

    @Test
    void closingWithUnreadDataResetsTheConnection() {
        server((s, fd) -> s.sleep(10 * Time.MS, x -> s.close(fd))); // data arrives, is never read
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.connect(fd, bed.at("b", 80), r -> c.send(fd, 100, 0, n -> c.recv(fd, 100, 0, bed.record())));
        bed.runFor(Time.S);
        assertEquals(List.of(err(Errno.ECONNRESET)), bed.results); // RFC 2525 §2.17, Linux tcp_close
    }

    @Test
    void keepaliveDetectsADeadPeerAfterIdlePlusIntervalTimesCount() {
        long[] at = new long[1];
        server((s, fd) -> { });
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.setsockopt(fd, SOL_SOCKET, Sys.SO_KEEPALIVE, 1);
        c.setsockopt(fd, IPPROTO_TCP, Sys.TCP_KEEPIDLE, 10);
        c.setsockopt(fd, IPPROTO_TCP, Sys.TCP_KEEPINTVL, 2);
        c.setsockopt(fd, IPPROTO_TCP, Sys.TCP_KEEPCNT, 3);
        long[] established = new long[1];
        c.connect(fd, bed.at("b", 80), r -> {
            established[0] = c.now();
            bed.host("b").setDown(true); // the peer dies silently
            c.recv(fd, 100, 0, n -> {
                bed.results.add(n);
                at[0] = c.now();
            });
        });
        bed.runFor(60 * Time.S);
        assertEquals(List.of(err(Errno.ETIMEDOUT)), bed.results);
        // RFC 1122 §4.2.3.6, Linux tcp_keepalive_timer: probes from idle on, every interval; dead after count.
        long expected = established[0] + (10 + 2 * 3) * Time.S;
        assertTrue(Math.abs(at[0] - expected) < 5 * Time.MS, "ETIMEDOUT at " + at[0] + ", expected ~" + expected);
    }

    @Test
    void bufferOptionsReadBackDoubledAndCapAtRmemMax() {
        Process p = bed.process("a");
        int fd = p.socket(AF_INET, SOCK_STREAM);
        p.setsockopt(fd, SOL_SOCKET, Sys.SO_RCVBUF, 65_536);
        assertEquals(131_072, p.getsockopt(fd, SOL_SOCKET, Sys.SO_RCVBUF)); // Linux doubles for bookkeeping
        p.setsockopt(fd, SOL_SOCKET, Sys.SO_SNDBUF, 10_000_000);
        assertEquals(2L * TcpSocketFile.BUFFER_MAX, p.getsockopt(fd, SOL_SOCKET, Sys.SO_SNDBUF));
        assertEquals(err(Errno.ENOPROTOOPT), p.setsockopt(fd, SOL_SOCKET, 999, 1));
        assertEquals(err(Errno.EINVAL), p.setsockopt(fd, IPPROTO_TCP, Sys.TCP_KEEPCNT, 0));
    }

    @Test
    void aProcessHasOneSystemCallAtATime() {
        Process p = bed.process("a");
        int fd = p.socket(AF_INET, SOCK_STREAM);
        p.connect(fd, bed.at("b", 80), r -> { });
        assertThrows(IllegalStateException.class, () -> p.recv(fd, 10, 0, r -> { }));
    }

    @Test
    void aBlockingSendLargerThanTheBufferReturnsWhenAllIsQueued() {
        long[] total = new long[1];
        server((s, fd) -> drain(s, fd, total));
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.connect(fd, bed.at("b", 80), r -> c.send(fd, 1_000_000, 0, bed.record()));
        bed.runFor(2 * Time.S);
        assertEquals(List.of(1_000_000L), bed.results, "blocking stream send: all of it, however long it takes");
        assertEquals(1_000_000L, total[0]);
    }

    /** Serves connections one after another, closing each when the client has closed. */
    private static void acceptAndCloseAtEndOfStream(Process s, int listener) {
        s.accept(listener, fd -> s.recv((int) fd, 100, 0, n -> {
            s.close((int) fd);
            acceptAndCloseAtEndOfStream(s, listener);
        }));
    }

    @Test
    void fastOpenDataRidesInTheSynOnceTheClientHoldsACookie() {
        // RFC 7413: the first connection fetches a cookie; the second sends its data in the SYN and
        // the server reads it half a round trip after the connect instead of one and a half.
        Process s = bed.process("b");
        int l = s.socket(AF_INET, SOCK_STREAM);
        s.setsockopt(l, IPPROTO_TCP, Sys.TCP_FASTOPEN, 16);
        s.bind(l, SockAddr.inet(0, 80));
        s.listen(l, 16);
        List<Long> arrivals = new ArrayList<>();
        serveReads(s, l, arrivals);
        Process c = bed.process("a");
        long[] starts = new long[2];
        int first = c.socket(AF_INET, SOCK_STREAM);
        starts[0] = c.now();
        c.sendto(first, 100, Sys.MSG_FASTOPEN, bed.at("b", 80), r -> c.sleep(100 * Time.MS, x -> {
            int second = c.socket(AF_INET, SOCK_STREAM);
            starts[1] = c.now();
            c.sendto(second, 100, Sys.MSG_FASTOPEN, bed.at("b", 80), y -> { });
        }));
        bed.runFor(Time.S);
        assertEquals(2, arrivals.size());
        long firstDelay = arrivals.get(0) - starts[0];
        long secondDelay = arrivals.get(1) - starts[1];
        assertTrue(firstDelay > 3 * Time.MS && firstDelay < 3 * Time.MS + 50 * Time.US, "first: " + firstDelay);
        assertTrue(secondDelay > Time.MS && secondDelay < Time.MS + 50 * Time.US, "second: " + secondDelay);
    }

    @Test
    void aLingeringCloseWaitsForItsFinToBeAcknowledgedOrForItsTimeout() {
        // Linux tcp_close with SO_LINGER {on, t}: a blocking close waits until the peer has all the
        // data (our FIN acknowledged), or t seconds, then EWOULDBLOCK; the descriptor is gone either way.
        server((s, fd) -> { }); // accepts, never reads: the kernel still acknowledges
        Process c = bed.process("a");
        int fd = c.socket(AF_INET, SOCK_STREAM);
        c.setsockopt(fd, SOL_SOCKET, Sys.SO_LINGER, 3);
        long[] took = new long[2];
        c.connect(fd, bed.at("b", 80), r -> c.send(fd, 10_000, 0, n -> {
            long start = c.now();
            c.close(fd, x -> {
                bed.results.add(x);
                took[0] = c.now() - start;
                bed.results.add((long) c.close(fd)); // already closed
                int again = c.socket(AF_INET, SOCK_STREAM);
                c.setsockopt(again, SOL_SOCKET, Sys.SO_LINGER, 3);
                c.connect(again, bed.at("b", 80), y -> c.send(again, 10_000, 0, z -> {
                    bed.host("b").setDown(true); // nothing will be acknowledged now
                    long t1 = c.now();
                    c.close(again, w -> {
                        bed.results.add(w);
                        took[1] = c.now() - t1;
                    });
                }));
            });
        }));
        bed.runFor(10 * Time.S);
        assertEquals(List.of(0L, err(Errno.EBADF), err(Errno.EAGAIN)), bed.results);
        assertTrue(took[0] > 2 * Time.MS && took[0] < 3 * Time.MS, "one round trip after the data: " + took[0]);
        assertEquals(3 * Time.S, took[1], "the linger timeout");
    }

    /** Accepts connections and records when each one's first data can be read. */
    private static void serveReads(Process s, int listener, List<Long> arrivals) {
        s.accept(listener, fd -> s.recv((int) fd, 1000, 0, n -> {
            arrivals.add(s.now());
            serveReads(s, listener, arrivals);
        }));
    }

    private static void drain(Process s, int fd, long[] total) {
        s.recv(fd, 1 << 20, 0, n -> {
            if (n > 0) {
                total[0] += n;
                drain(s, fd, total);
            }
        });
    }
}
