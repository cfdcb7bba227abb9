package org.sockeye.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.CpuSpec;
import org.sockeye.os.Kernel;
import org.sockeye.os.Process;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

/**
 * Loopback's receive work runs in the softirq of the core that sent the packet (Linux:
 * loopback_xmit queues it on that CPU's backlog), not on core 0.
 */
class LoopbackCoreTest {
    @Test
    void aDatagramToItselfCostsOnlyTheSendersCore() {
        // Only the UDP layer costs: 1 us to send, 2 us to receive a datagram.
        CpuSpec cpu = new CpuSpec(2, "test", 0, 0, 0, 0, 0, Time.US, 0, 0, 0, 0, 0, 0, 2 * Time.US, 0, 0, 0, 0, 0,
                0);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(new TestSpecs().machine("h", cpu, null).nodes(), List.of(), s,
                new RandomStreams(1));
        Process sink = Kernel.of(net.host("h")).spawn("sink", 0);
        int in = sink.socket(Sys.AF_INET, Sys.SOCK_DGRAM);
        sink.bind(in, SockAddr.inet(Host.LOOPBACK, 9));
        Process sender = Kernel.of(net.host("h")).spawn("sender", 1);
        int out = sender.socket(Sys.AF_INET, Sys.SOCK_DGRAM);
        long[] received = {-1};
        sink.recv(in, 100, 0, n -> received[0] = sink.now());
        sender.sendto(out, 10, 0, SockAddr.inet(Host.LOOPBACK, 9), r -> { });
        s.run(Time.S, Long.MAX_VALUE);
        Machine m = net.host("h").machine();
        assertEquals(3 * Time.US, m.core(1).busyPs(Time.S), "send and receive work on the sender's core");
        assertEquals(0, m.core(0).busyPs(Time.S));
        assertEquals(3 * Time.US, received[0]);
    }
}
