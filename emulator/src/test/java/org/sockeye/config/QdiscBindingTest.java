package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.load;
import static org.sockeye.config.LoaderTestSupport.valid;

import org.junit.jupiter.api.Test;
import org.sockeye.config.LinkSpec.CoDelSpec;
import org.sockeye.config.LinkSpec.FqCoDelSpec;
import org.sockeye.config.LinkSpec.NoQdisc;
import org.sockeye.sim.Time;

class QdiscBindingTest {
    /** VALID with {@code lines} added to link l1 (after its delay, line 12). */
    private static String l1With(String lines) {
        return valid("delay: 1ms\n  - name: l2", "delay: 1ms\n" + lines + "  - name: l2");
    }

    @Test
    void noQdiscByDefault() {
        assertEquals(new NoQdisc(), load(LoaderTestSupport.VALID).links().get(0).qdisc());
    }

    @Test
    void bareFqCoDelTakesNs3DefaultsWithQuantumFromTheMtu() {
        LinkSpec l = load(l1With("    mtu: 1400B\n    qdisc: fq-codel\n")).links().get(0);
        assertEquals(new FqCoDelSpec(5 * Time.MS, 100 * Time.MS, 1024, 1414, 10240, 64), l.qdisc());
    }

    @Test
    void mapOverridesSomeParameters() {
        LinkSpec l = load(l1With("    qdisc: {kind: fq-codel, target: 2ms, flows: 16, quantum: 300B, drop-batch: 8}\n"))
                .links().get(0);
        assertEquals(new FqCoDelSpec(2 * Time.MS, 100 * Time.MS, 16, 300, 10240, 8), l.qdisc());
        LinkSpec c = load(l1With("    qdisc: {kind: codel, interval: 50ms, limit: 200}\n")).links().get(0);
        assertEquals(new CoDelSpec(5 * Time.MS, 50 * Time.MS, 200), c.qdisc());
        assertEquals(new NoQdisc(), load(l1With("    qdisc: none\n")).links().get(0).qdisc());
    }

    @Test
    void mistakesAreReportedAtTheirPosition() {
        assertError(l1With("    qdisc: fq-codle\n"), 13, 12, "unknown qdisc kind 'fq-codle' (did you mean 'fq-codel'?)");
        assertError(l1With("    qdisc: {kind: codel, flows: 4}\n"), 13, 26,
                "unknown key 'flows' in codel qdisc");
        assertError(l1With("    qdisc: {kind: fq-codel, limit: 0}\n"), 13, 36,
                "limit must be an integer between 1 and 1000000000, got '0'");
        assertError(l1With("    qdisc: {kind: codel, target: 0ms}\n"), 13, 34, "target must be positive, got '0ms'");
        assertError(l1With("    qdisc: {target: 1ms}\n"), 13, 12,
                "missing required key 'kind' in qdisc (one of none, codel, fq-codel)");
    }
}
