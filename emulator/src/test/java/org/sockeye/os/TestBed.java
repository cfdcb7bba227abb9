package org.sockeye.os;

import java.util.ArrayList;
import java.util.List;
import org.sockeye.config.CpuSpec;
import org.sockeye.net.Host;
import org.sockeye.net.Network;
import org.sockeye.net.NetworkBuilder;
import org.sockeye.net.TestSpecs;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

/** Hosts a and b on one link (or a lone host), with processes to script system calls against. */
final class TestBed {
    static final long GBPS = 1_000_000_000L;

    final Scheduler scheduler = new Scheduler();
    final Network net;
    /** Every continuation's result, in order, for assertions. */
    final List<Long> results = new ArrayList<>();

    private TestBed(TestSpecs specs) {
        this.net = NetworkBuilder.build(specs.nodes(), specs.links(), scheduler, new RandomStreams(1));
    }

    /** a and b, no CPU costs, 1 Gb/s and 1 ms one way. */
    static TestBed pair() {
        return new TestBed(new TestSpecs().host("a", "b").link("a", "b", GBPS, Time.MS));
    }

    /** a and b modelled as machines with {@code cpu}, 10 Gb/s and 10 us one way. */
    static TestBed machines(CpuSpec cpu) {
        return new TestBed(new TestSpecs().machine("a", cpu, null).machine("b", cpu, null)
                .link("a", "b", 10 * GBPS, 10 * Time.US));
    }

    /** One host on no link (loopback and AF_UNIX only). */
    static TestBed lone(CpuSpec cpu) {
        TestSpecs t = cpu == null ? new TestSpecs().host("h") : new TestSpecs().machine("h", cpu, null);
        return new TestBed(t);
    }

    Host host(String name) {
        return net.host(name);
    }

    Kernel kernel(String host) {
        return Kernel.of(net.host(host));
    }

    Process process(String host) {
        return kernel(host).spawn("p");
    }

    int address(String host) {
        return net.host(host).address();
    }

    SockAddr at(String host, int port) {
        return SockAddr.inet(address(host), port);
    }

    /** A continuation that records its result. */
    Resume record() {
        return results::add;
    }

    void runFor(long ps) {
        scheduler.run(scheduler.now() + ps, Long.MAX_VALUE);
    }

    void runAll() {
        scheduler.run(Time.S * 1000, Long.MAX_VALUE);
    }

    static long err(org.sockeye.protocols.Errno e) {
        return -e.code;
    }
}
