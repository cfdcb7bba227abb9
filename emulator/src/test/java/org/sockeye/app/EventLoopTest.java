package org.sockeye.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockeye.net.Network;
import org.sockeye.net.NetworkBuilder;
import org.sockeye.net.TestSpecs;
import org.sockeye.os.Kernel;
import org.sockeye.os.Process;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

class EventLoopTest {
    /** An echo server on b:7 serving three clients from one loop, and a timer that fires in between. */
    @ParameterizedTest
    @EnumSource(EventLoop.Mechanism.class)
    void oneLoopServesEveryClientAndRunsItsTimers(EventLoop.Mechanism mechanism) {
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(new TestSpecs().host("a", "b").link("a", "b", 1_000_000_000L, Time.MS)
                .nodes(), new TestSpecs().host("a", "b").link("a", "b", 1_000_000_000L, Time.MS).links(), s,
                new RandomStreams(1));
        Process server = Kernel.of(net.host("b")).spawn("echo");
        EventLoop loop = new EventLoop(server, mechanism);
        int l = server.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK);
        server.bind(l, SockAddr.inet(0, 7));
        server.listen(l, 16);
        List<Long> timerAt = new ArrayList<>();
        loop.timer(5 * Time.MS, () -> {
            timerAt.add(server.now());
            loop.done();
        });
        loop.watch(l, Sys.POLLIN, (fd, ev) -> server.accept(l, c -> {
            if (c >= 0) {
                server.fcntl((int) c, Sys.F_SETFL, Sys.O_NONBLOCK);
                loop.watch((int) c, Sys.POLLIN, (cfd, e) -> server.recv(cfd, 1000, 0, n -> {
                    if (n <= 0) {
                        loop.unwatch(cfd);
                        server.close(cfd);
                        loop.done();
                        return;
                    }
                    server.send(cfd, (int) n, 0, w -> loop.done());
                }));
            }
            loop.done();
        }));
        loop.start();
        List<Long> echoed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process c = Kernel.of(net.host("a")).spawn("client" + i);
            int fd = c.socket(Sys.AF_INET, Sys.SOCK_STREAM);
            int size = 100 * (i + 1);
            c.connect(fd, SockAddr.inet(net.host("b").address(), 7), r -> c.send(fd, size, 0,
                    w -> c.recv(fd, 10_000, 0, n -> {
                        echoed.add(n);
                        c.close(fd);
                    })));
        }
        s.run(Time.S, Long.MAX_VALUE);
        echoed.sort(null);
        assertEquals(List.of(100L, 200L, 300L), echoed);
        assertEquals(List.of(5 * Time.MS), timerAt, "the timer ends the wait at its deadline");
        assertEquals(1, loop.watched(), "closed connections are no longer watched");
    }

    @ParameterizedTest
    @EnumSource(EventLoop.Mechanism.class)
    void onlySelectRefusesDescriptorsFromFdSetsize(EventLoop.Mechanism mechanism) {
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(new TestSpecs().host("h").nodes(), List.of(), s, new RandomStreams(1));
        Process p = Kernel.of(net.host("h")).spawn("p");
        p.setMaxFds(2000);
        EventLoop loop = new EventLoop(p, mechanism);
        int fd = -1;
        for (int i = 0; i < 1100; i++) {
            fd = p.socket(Sys.AF_INET, Sys.SOCK_DGRAM);
        }
        boolean watched = loop.watch(fd, Sys.POLLIN, (f, e) -> { });
        assertTrue(fd >= Sys.FD_SETSIZE);
        if (mechanism == EventLoop.Mechanism.SELECT) {
            assertFalse(watched, "FD_SETSIZE: select cannot watch descriptor " + fd);
        } else {
            assertTrue(watched);
        }
    }
}
