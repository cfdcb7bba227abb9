package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.load;
import static org.sockeye.config.LoaderTestSupport.valid;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.net.Host;
import org.sockeye.net.Network;
import org.sockeye.net.NetworkBuilder;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;

/** The {@code ephemeral-ports} host key (Linux net.ipv4.ip_local_port_range). */
class EphemeralPortsBindingTest {
    @Test
    void aRangeIsBoundAndAppliedToTheHost() {
        ExperimentSpec spec = load(valid("  - name: a\n", "  - name: a\n    ephemeral-ports: 40000-40999\n"));
        assertEquals(new NodeSpec.PortRange(40_000, 40_999), spec.nodes().get(0).ephemeralPorts());
        assertEquals(1000, spec.nodes().get(0).ephemeralPorts().size());
        assertNull(spec.nodes().get(1).ephemeralPorts(), "Linux's default when not given");
        Network net = NetworkBuilder.build(spec.nodes(), spec.links(), new Scheduler(), new RandomStreams(1));
        Host a = net.host("a");
        assertEquals(List.of(40_000, 40_999), List.of(a.ephemeralFirst(), a.ephemeralLast()));
        Host b = net.host("b");
        assertEquals(List.of(Host.EPHEMERAL_FIRST, Host.EPHEMERAL_LAST), List.of(b.ephemeralFirst(), b.ephemeralLast()));
    }

    @Test
    void aBadRangeIsReportedAtItsValue() {
        String msg = "ephemeral-ports must be a range first-last with 1 <= first <= last <= 65535 (Linux's default "
                + "is 32768-60999), got '%s'";
        assertError(valid("  - name: a\n", "  - name: a\n    ephemeral-ports: 61000-60000\n"), 5, 22,
                msg.formatted("61000-60000"));
        assertError(valid("  - name: a\n", "  - name: a\n    ephemeral-ports: 1-70000\n"), 5, 22,
                msg.formatted("1-70000"));
        assertError(valid("  - name: a\n", "  - name: a\n    ephemeral-ports: lots\n"), 5, 22, msg.formatted("lots"));
    }

    @Test
    void routersHaveNoEphemeralPorts() {
        assertError(valid("    kind: router\n", "    kind: router\n    ephemeral-ports: 1000-2000\n"), 8, 22,
                "ephemeral-ports settings belong on hosts; 'r' is a router");
    }
}
