package org.sockeye.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.os.Sys.AF_INET;
import static org.sockeye.os.Sys.AF_UNIX;
import static org.sockeye.os.Sys.SOCK_DGRAM;
import static org.sockeye.os.Sys.SOCK_NONBLOCK;
import static org.sockeye.os.Sys.SOCK_STREAM;
import static org.sockeye.os.TestBed.err;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.protocols.Errno;
import org.sockeye.sim.Time;

/** AF_UNIX sockets (Linux af_unix.c semantics): names, streams, datagrams and descriptor passing. */
class UnixSocketTest {
    private final TestBed bed = TestBed.lone(null);

    private static int listener(Process p, String path, int backlog) {
        int l = p.socket(AF_UNIX, SOCK_STREAM);
        assertEquals(0, p.bind(l, SockAddr.unix(path)));
        assertEquals(0, p.listen(l, backlog));
        return l;
    }

    @Test
    void realBytesCrossAStreamAndTheNamespaceBehavesLikeAFileSystem() {
        Process server = bed.process("h");
        Process client = bed.process("h");
        int l = listener(server, "/run/echo", 4);
        byte[] got = new byte[64];
        server.accept(l, fd -> server.recv((int) fd, got, 64, 0, n -> bed.results.add(n)));
        int c = client.socket(AF_UNIX, SOCK_STREAM);
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        client.connect(c, SockAddr.unix("/run/echo"), r -> client.send(c, hello, hello.length, 0, bed.record()));
        bed.runFor(Time.MS);
        assertEquals(List.of(5L, 5L), bed.results);
        assertEquals("hello", new String(got, 0, 5, StandardCharsets.US_ASCII));

        int other = client.socket(AF_UNIX, SOCK_STREAM);
        assertEquals(err(Errno.EADDRINUSE), client.bind(other, SockAddr.unix("/run/echo")));
        server.close(l);
        assertEquals(err(Errno.EADDRINUSE), client.bind(other, SockAddr.unix("/run/echo")),
                "the path outlives its socket until unlinked");
        bed.results.clear();
        client.connect(other, SockAddr.unix("/run/echo"), r -> {
            bed.results.add(r);
            client.connect(client.socket(AF_UNIX, SOCK_STREAM), SockAddr.unix("/run/none"), bed.record());
        });
        bed.runFor(Time.MS);
        assertEquals(List.of(err(Errno.ECONNREFUSED), err(Errno.ENOENT)), bed.results);
        assertEquals(0, client.unlink("/run/echo"));
        assertEquals(0, client.bind(other, SockAddr.unix("/run/echo")));
    }

    @Test
    void aWriterBlocksWhenItsSendBufferIsFullUntilTheReaderDrainsIt() {
        Process p = bed.process("h");
        Process q = bed.process("h");
        int l = listener(q, "/run/s", 4);
        long[] readAt = new long[1];
        q.accept(l, fd -> q.sleep(10 * Time.MS, x -> q.recv((int) fd, 1 << 20, 0, n -> {
            readAt[0] = q.now();
            bed.results.add(n);
        })));
        int c = p.socket(AF_UNIX, SOCK_STREAM);
        long[] sentAt = new long[1];
        p.connect(c, SockAddr.unix("/run/s"), r -> p.send(c, UnixSocketFile.WMEM_DEFAULT + 1000, 0, n -> {
            sentAt[0] = p.now();
            bed.results.add(n);
        }));
        bed.runFor(Time.S);
        // The read makes room, the woken writer queues the rest, and the same read takes it too
        // (unix_stream_read_generic keeps taking queued skbs): both report everything.
        assertEquals(List.of(UnixSocketFile.WMEM_DEFAULT + 1000L, UnixSocketFile.WMEM_DEFAULT + 1000L), bed.results);
        assertEquals(10 * Time.MS, readAt[0]);
        assertEquals(10 * Time.MS, sentAt[0], "the writer slept until the reader made room");
    }

    @Test
    void datagramsKeepBoundariesAndAFullReceiverGivesEagain() {
        Process p = bed.process("h");
        int rx = p.socket(AF_UNIX, SOCK_DGRAM);
        assertEquals(0, p.bind(rx, SockAddr.unix("/run/d")));
        int tx = p.socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK);
        List<Long> sent = new ArrayList<>();
        sendMany(p, tx, 0, sent);
        bed.runFor(Time.MS);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < UnixSocketFile.MAX_DGRAM_QLEN; i++) {
            expected.add(100L + i);
        }
        expected.add(err(Errno.EAGAIN)); // net.unix.max_dgram_qlen = 10
        assertEquals(expected, sent);
        MsgHdr m = new MsgHdr(1000);
        p.recvmsg(rx, m, 0, n -> bed.results.add(n));
        bed.runFor(Time.MS);
        assertEquals(List.of(100L), bed.results, "one datagram per receive, whole");
    }

    private static void sendMany(Process p, int fd, int i, List<Long> sent) {
        if (i > UnixSocketFile.MAX_DGRAM_QLEN) {
            return;
        }
        p.sendto(fd, 100 + i, 0, SockAddr.unix("/run/d"), n -> {
            sent.add(n);
            sendMany(p, fd, i + 1, sent);
        });
    }

    @Test
    void scmRightsPassesATcpConnectionToAnotherProcessWhichKeepsItAfterTheSenderCloses() {
        TestBed net = TestBed.pair();
        Process acceptor = net.process("b");
        Process worker = net.process("b");
        int l = acceptor.socket(AF_INET, SOCK_STREAM);
        acceptor.bind(l, SockAddr.inet(0, 80));
        acceptor.listen(l, 8);
        int[] sv = new int[2];
        assertEquals(0, acceptor.socketpair(AF_UNIX, SOCK_STREAM, sv));
        // The worker gets the pair's other end the same way it will get connections: over the pair.
        int[] workerEnd = new int[1];
        int w = worker.socket(AF_UNIX, SOCK_STREAM);
        int wl = listener(acceptor, "/run/handoff", 1);
        worker.connect(w, SockAddr.unix("/run/handoff"), r -> { });
        acceptor.accept(wl, hand -> acceptor.accept(l, conn -> {
            MsgHdr out = new MsgHdr(1);
            out.rights = new int[] {(int) conn};
            acceptor.sendmsg((int) hand, out, 0, n -> acceptor.close((int) conn)); // the acceptor lets go
        }));
        MsgHdr in = new MsgHdr(16);
        long[] echoed = new long[1];
        worker.recvmsg(w, in, 0, n -> {
            workerEnd[0] = in.rights.length == 1 ? in.rights[0] : -1;
            worker.recv(workerEnd[0], 1000, 0, got -> worker.send(workerEnd[0], (int) got, 0, x -> { }));
        });
        Process client = net.process("a");
        int c = client.socket(AF_INET, SOCK_STREAM);
        client.connect(c, net.at("b", 80), r -> client.send(c, 300, 0,
                x -> client.recv(c, 1000, 0, n -> echoed[0] = n)));
        net.runFor(Time.S);
        assertTrue(workerEnd[0] >= 0, "a descriptor was installed in the worker");
        assertArrayEquals(new long[] {300}, echoed, "the worker served the connection the acceptor accepted");
        assertTrue(worker.getpeername(workerEnd[0]) != null, "the passed socket is the connection");
    }
}
