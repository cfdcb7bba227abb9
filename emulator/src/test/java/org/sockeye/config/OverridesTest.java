package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.config.LoaderTestSupport.VALID;
import static org.sockeye.config.LoaderTestSupport.errors;
import static org.sockeye.config.LoaderTestSupport.load;
import static org.sockeye.config.LoaderTestSupport.valid;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.LinkSpec.BernoulliLoss;

class OverridesTest {
    @Test
    void topLevelKeys() {
        ExperimentSpec spec = load(VALID, "duration=20s", "seed=7");
        assertEquals(20_000_000_000_000L, spec.durationPs());
        assertEquals(7, spec.seed());
    }

    @Test
    void listElementsByNameAndByIndex() {
        ExperimentSpec spec = load(VALID, "links.l2.rate=5Mbps", "links[0].delay=5ms", "applications.cbr.rate=2Mbps");
        assertEquals(5_000_000, spec.links().get(1).rateBps());
        assertEquals(5_000_000_000L, spec.links().get(0).delayPs());
        assertEquals(2_000_000, ((UdpCbrSpec) spec.applications().get(0)).rateBps());
    }

    @Test
    void linksWithoutANameAreAddressedByTheirDefaultName() {
        ExperimentSpec spec = load(valid("  - name: l1\n    endpoints", "  - endpoints"), "links.a-r.rate=1Gbps");
        assertEquals(1_000_000_000, spec.links().get(0).rateBps());
    }

    @Test
    void missingValidKeysAreAddedAndValuesAreYaml() {
        ExperimentSpec spec = load(VALID, "links.l1.loss=0.01", "links.l2.loss={model: bernoulli, rate: 0.5}",
                "record.queue=[l1, l2]");
        assertEquals(new BernoulliLoss(0.01), spec.links().get(0).loss());
        assertEquals(new BernoulliLoss(0.5), spec.links().get(1).loss());
        assertEquals(List.of("l1", "l2"), spec.record().series().get("queue"));
    }

    @Test
    void sourceIsTheDocumentAfterOverridesAndLoadsToTheSameSpec() {
        ExperimentSpec spec = load(VALID, "links.l1.rate=42Mbps");
        assertTrue(spec.source().contains("rate: 42Mbps"), spec.source());
        ExperimentSpec again = load(spec.source());
        assertEquals(spec.links(), again.links());
        assertEquals(spec.applications(), again.applications());
        assertEquals(spec.source(), again.source());
    }

    @Test
    void unknownElementNameSuggestsOne() {
        String yaml = valid("  - name: l1", "  - name: bottleneck");
        assertEquals(List.of("<command line>: --set links.botleneck.rate: no link named 'botleneck' "
                + "(did you mean 'bottleneck'?)"), errors(yaml, "links.botleneck.rate=10Mbps"));
    }

    @Test
    void badPathsAreCommandLineErrors() {
        assertEquals(List.of("<command line>: --set links[5].delay: index 5 is out of range ('links' has 2 elements)"),
                errors(VALID, "links[5].delay=1ms"));
        assertEquals(List.of("<command line>: --set duration.x: 'duration' is a single value, it has no 'x'"),
                errors(VALID, "duration.x=1"));
        assertEquals(List.of("<command line>: --set seed: expected path=value, e.g. links.bottleneck.rate=10Mbps"),
                errors(VALID, "seed"));
        assertEquals(List.of("<command line>: --set links..rate: malformed path "
                + "(expected e.g. links.bottleneck.rate or links[2].delay)"), errors(VALID, "links..rate=1Mbps"));
    }

    @Test
    void invalidValuesSetFromTheCommandLineAreReportedThere() {
        assertEquals(List.of("<command line>: malformed rate '10Mbs' (expected e.g. 100Mbps, 1Gbps)"),
                errors(VALID, "links.l1.rate=10Mbs"));
        assertEquals(List.of("<command line>: unknown key 'rat' in link (did you mean 'rate'?)"),
                errors(VALID, "links.l1.rat=10Mbps"));
    }
}
