package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.errors;
import static org.sockeye.config.LoaderTestSupport.load;
import static org.sockeye.config.LoaderTestSupport.valid;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.LinkSpec.BernoulliLoss;
import org.sockeye.config.LinkSpec.Framing;
import org.sockeye.config.LinkSpec.GilbertElliottLoss;
import org.sockeye.config.LinkSpec.NoLoss;
import org.sockeye.config.LinkSpec.QueueSpec;
import org.sockeye.config.LinkSpec.ReorderSpec;

/** Optional link keys; each is inserted on line 13 of {@link LoaderTestSupport#VALID} (link l1). */
class LinkOptionsTest {
    private static String withOption(String yaml) {
        return valid("    delay: 1ms\n  - name: l2", "    delay: 1ms\n" + yaml + "  - name: l2");
    }

    private static LinkSpec l1(String option) {
        return load(withOption(option)).links().get(0);
    }

    @Test
    void mtuFramingJitter() {
        LinkSpec l = l1("    mtu: 9000B\n    framing: ethernet-phy\n    jitter: 250us\n");
        assertEquals(9000, l.mtu());
        assertEquals(Framing.ETHERNET_PHY, l.framing());
        assertEquals(250_000_000L, l.jitterPs());
        assertEquals(Framing.PPP, l1("    framing: ppp\n").framing());
    }

    @Test
    void mtuBelowTheIpv4MinimumIsAnError() {
        // RFC 791: every host must accept 68-octet datagrams.
        assertError(withOption("    mtu: 60B\n"), 13, 10, "mtu must be between 68B and 65535B, got '60B'");
    }

    @Test
    void unknownFramingSuggestsOne() {
        assertError(withOption("    framing: ethernet-ph\n"), 13, 14,
                "unknown framing 'ethernet-ph' (did you mean 'ethernet-phy'?)");
        assertError(withOption("    framing: atm\n"), 13, 14,
                "unknown framing 'atm' (expected ethernet, ethernet-phy, ppp)");
    }

    @Test
    void queueIsPacketsOrBytes() {
        assertEquals(QueueSpec.packets(50), l1("    queue: 50\n").queue());
        assertEquals(QueueSpec.bytes(153_600), l1("    queue: 150KiB\n").queue());
        assertError(withOption("    queue: 0\n"), 13, 12,
                "malformed queue limit '0' (expected a positive number of packets, e.g. 100, or a size, e.g. 150KiB)");
        assertError(withOption("    queue: 1.5B\n"), 13, 12, "size '1.5B' is not a whole number of bytes");
    }

    @Test
    void lossShorthandAndModels() {
        assertEquals(new BernoulliLoss(0.01), l1("    loss: 0.01\n").loss());
        assertEquals(new NoLoss(), l1("    loss: 0\n").loss());
        assertEquals(new BernoulliLoss(0.2), l1("    loss: {model: bernoulli, rate: 0.2}\n").loss());
        assertEquals(new GilbertElliottLoss(0.01, 0.3, 0, 1),
                l1("    loss: {model: gilbert-elliott, p: 0.01, r: 0.3}\n").loss());
        assertEquals(new GilbertElliottLoss(0.01, 0.3, 0.001, 0.5),
                l1("    loss: {model: gilbert-elliott, p: 0.01, r: 0.3, loss-good: 0.001, loss-bad: 0.5}\n").loss());
    }

    @Test
    void lossErrors() {
        assertError(withOption("    loss: 1.5\n"), 13, 11, "loss must be a probability between 0 and 1, got '1.5'");
        assertEquals(List.of("t.yaml:13:11: missing required key 'rate' in bernoulli loss",
                "t.yaml:13:30: unknown key 'rte' in bernoulli loss (did you mean 'rate'?)"),
                errors(withOption("    loss: {model: bernoulli, rte: 0.2}\n")));
        assertError(withOption("    loss: {model: gilbert, p: 0.1, r: 0.2}\n"), 13, 19,
                "unknown loss model 'gilbert' (did you mean 'gilbert-elliott'?)");
        assertError(withOption("    loss: {model: gilbert-elliott, p: 0.1, r: 0.2, loss-gud: 0}\n"), 13, 52,
                "unknown key 'loss-gud' in gilbert-elliott loss (did you mean 'loss-good'?)");
    }

    @Test
    void reorder() {
        assertEquals(new ReorderSpec(0.01, 2_000_000_000L),
                l1("    reorder: {probability: 0.01, delay: 2ms}\n").reorder());
        assertError(withOption("    reorder: {probability: 0.01}\n"), 13, 14,
                "missing required key 'delay' in reorder");
        assertError(withOption("    reorder: 0.01\n"), 13, 14, "reorder must be a map, got '0.01'");
    }
}
