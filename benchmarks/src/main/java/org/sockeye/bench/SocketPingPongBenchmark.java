package org.sockeye.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sockeye.config.CpuSpec;
import org.sockeye.config.NodeSpec;
import org.sockeye.net.Network;
import org.sockeye.net.NetworkBuilder;
import org.sockeye.os.Kernel;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;

/**
 * The socket layer's own cost in wall time: two processes on one host (linux-x86 costs, two
 * cores) ping-pong 100 bytes over AF_UNIX or TCP loopback with blocking calls. One operation is
 * one simulated round trip: two sends, two receives, two wake-ups, and for TCP four segments
 * through the stack. {@code -prof gc} shows what a round trip allocates.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SocketPingPong -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class SocketPingPongBenchmark {
    @Param({"unix", "tcp"})
    public String family;

    private Scheduler scheduler;
    private long rounds;

    @Setup(Level.Trial)
    public void setUp() {
        scheduler = new Scheduler();
        Network net = NetworkBuilder.build(List.of(new NodeSpec("h", NodeSpec.Kind.HOST, java.util.Map.of(),
                CpuSpec.linuxX86(2), null)), List.of(), scheduler, new RandomStreams(1));
        Kernel k = Kernel.of(net.host("h"));
        Process server = k.spawn("server");
        Process client = k.spawn("client");
        boolean unix = family.equals("unix");
        int domain = unix ? Sys.AF_UNIX : Sys.AF_INET;
        SockAddr addr = unix ? SockAddr.unix("/run/pp") : SockAddr.inet("127.0.0.1", 7);
        int l = server.socket(domain, Sys.SOCK_STREAM);
        server.bind(l, addr);
        server.listen(l, 8);
        int c = client.socket(domain, Sys.SOCK_STREAM);
        if (!unix) {
            client.setsockopt(c, Sys.IPPROTO_TCP, Sys.TCP_NODELAY, 1);
        }
        server.accept(l, fd -> new Echo(server, (int) fd).next(0));
        client.connect(c, addr, r -> new Pinger(client, c).next(0));
        scheduler.run(scheduler.now() + 1_000_000_000L, Long.MAX_VALUE); // warm: connected and pinging
    }

    /** The server side: receive 100 bytes, send them back, forever. */
    private static final class Echo implements Resume {
        private final Process p;
        private final int fd;
        private boolean receiving = true;

        Echo(Process p, int fd) {
            this.p = p;
            this.fd = fd;
            p.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_NODELAY, 1);
        }

        void next(long unused) {
            p.recv(fd, 100, 0, this);
        }

        @Override
        public void resume(long n) {
            receiving = !receiving;
            if (receiving) {
                p.recv(fd, 100, 0, this);
            } else {
                p.send(fd, (int) Math.max(1, n), 0, this);
            }
        }
    }

    /** The client side: send 100 bytes, receive the echo, count a round. */
    private final class Pinger implements Resume {
        private final Process p;
        private final int fd;
        private boolean sending = true;

        Pinger(Process p, int fd) {
            this.p = p;
            this.fd = fd;
        }

        void next(long unused) {
            p.send(fd, 100, 0, this);
        }

        @Override
        public void resume(long n) {
            sending = !sending;
            if (sending) {
                rounds++;
                p.send(fd, 100, 0, this);
            } else {
                p.recv(fd, 100, 0, this);
            }
        }
    }

    /** Runs the simulation until one more round trip has completed. */
    @Benchmark
    public long roundTrip() {
        long target = rounds + 1;
        while (rounds < target) {
            scheduler.run(Long.MAX_VALUE, 1);
        }
        return rounds;
    }
}
