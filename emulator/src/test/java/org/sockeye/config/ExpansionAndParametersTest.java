package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.errors;
import static org.sockeye.config.LoaderTestSupport.load;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpansionAndParametersTest {
    /** A star: router r with n hosts h{i}, each with a sink; line numbers matter for the error tests. */
    private static final String STAR = """
            name: star
            duration: 1s
            parameters:
              n: 3
              rate: 10Mbps
            nodes:
              - name: r
                kind: router
              - name: h{i}
                count: ${n}
            links:
              - name: link{i}
                count: ${n}
                endpoints: [r, "h{i}"]
                rate: ${rate}
                delay: 1ms
            applications:
              - type: udp-sink
                count: ${n}
                node: h{i}
                port: 500{i}
            """;

    @Test
    void countExpandsElementsAndReplacesIndex() {
        ExperimentSpec spec = load(STAR);
        assertEquals(List.of("r", "h0", "h1", "h2"), spec.nodes().stream().map(NodeSpec::name).toList());
        assertEquals(List.of("link0", "link1", "link2"), spec.links().stream().map(LinkSpec::name).toList());
        assertEquals("h2", spec.links().get(2).b());
        assertEquals(List.of(new UdpSinkSpec("udp-sink-0", "h0", 0, spec.durationPs(), 5000),
                new UdpSinkSpec("udp-sink-1", "h1", 0, spec.durationPs(), 5001),
                new UdpSinkSpec("udp-sink-2", "h2", 0, spec.durationPs(), 5002)), spec.applications());
    }

    @Test
    void parametersAreSubstitutedAndKeptInTheSpec() {
        ExperimentSpec spec = load(STAR);
        assertEquals(10_000_000, spec.links().get(0).rateBps());
        assertEquals(Map.of("n", "3", "rate", "10Mbps"), spec.parameters());
        assertEquals(List.of("n", "rate"), List.copyOf(spec.parameters().keySet()));
    }

    @Test
    void parameterOverrideChangesTheCount() {
        assertEquals(6, load(STAR, "parameters.n=5").nodes().size());
        assertEquals(1, load(STAR, "parameters.n=0").nodes().size());
    }

    @Test
    void unknownParameterIsAnErrorAtTheUseSite() {
        assertError(STAR.replace("rate: ${rate}", "rate: ${rat}"), 15, 11, "unknown parameter 'rat' (did you mean 'rate'?)");
        assertError(STAR.replace("rate: ${rate}", "rate: ${rate"), 15, 11, "unterminated '${' in '${rate'");
    }

    @Test
    void countMustBeANonNegativeInteger() {
        String message = ": count must be a non-negative integer, got 'three'";
        assertEquals(List.of("t.yaml:10:12" + message, "t.yaml:13:12" + message, "t.yaml:19:12" + message),
                errors(STAR.replace("  n: 3", "  n: three")));
    }

    @Test
    void anErrorInAnExpandedElementIsReportedOnce() {
        assertError(STAR.replace("delay: 1ms", "delay: 1"), 16, 12, "missing unit in time '1' (expected e.g. 10ms, 1.5s)");
    }

    @Test
    void parametersMustBeSingleValues() {
        assertError(STAR.replace("  n: 3", "  n: [3]\n  m: 3").replace("${n}", "${m}"), 4, 6,
                "parameter 'n' must be a single value, got a list");
    }
}
