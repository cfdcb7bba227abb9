package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.config.LoaderTestSupport.FILE;
import static org.sockeye.config.LoaderTestSupport.VALID;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.errors;
import static org.sockeye.config.LoaderTestSupport.load;
import static org.sockeye.config.LoaderTestSupport.valid;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockeye.config.LinkSpec.Framing;
import org.sockeye.config.LinkSpec.NoLoss;
import org.sockeye.config.LinkSpec.QueueSpec;
import org.sockeye.config.LinkSpec.ReorderSpec;

class ExperimentLoaderTest {
    @Test
    void validFileLoadsWithDefaults() {
        ExperimentSpec spec = load(VALID);
        assertEquals("t", spec.name());
        assertEquals("", spec.description());
        assertEquals(1_000_000_000_000L, spec.durationPs());
        assertEquals(1, spec.seed());
        assertEquals(List.of(new NodeSpec("a", NodeSpec.Kind.HOST), new NodeSpec("b", NodeSpec.Kind.HOST),
                new NodeSpec("r", NodeSpec.Kind.ROUTER)), spec.nodes());
        LinkSpec l1 = spec.links().get(0);
        assertEquals(new LinkSpec("l1", "a", "r", Optional.empty(), Optional.empty(), 10_000_000, 1_000_000_000,
                1500, Framing.ETHERNET, QueueSpec.packets(100), new NoLoss(), 0, ReorderSpec.NONE), l1);
        assertEquals(new UdpCbrSpec("cbr", "a", 0, spec.durationPs(), new Endpoint("b", 5000), 0, 1_000_000, 1000),
                spec.applications().get(0));
        assertEquals(new UdpSinkSpec("sink", "b", 0, spec.durationPs(), 5000), spec.applications().get(1));
        assertEquals(RecordSpec.DEFAULT_INTERVAL_PS, spec.record().intervalPs());
        assertTrue(spec.record().series().isEmpty());
        assertSame(VALID, spec.source(), "without overrides the source is the original text");
    }

    @Test
    void defaultNamesAreEndpointsForLinksAndTypeIndexForApplications() {
        ExperimentSpec spec = load(valid("  - name: l1\n    endpoints", "  - endpoints")
                .replace("  - name: sink\n    type", "  - type"));
        assertEquals("a-r", spec.links().get(0).name());
        assertEquals("udp-sink-1", spec.applications().get(1).name());
    }

    @Test
    void unknownKeySuggestsTheClosestKeyOfThatRecordType() {
        assertError(valid("    rate: 10Mbps\n    delay: 1ms\n  - name: l2", "    rat: 10Mbps\n    rate: 10Mbps\n"
                + "    delay: 1ms\n  - name: l2"), 11, 5, "unknown key 'rat' in link (did you mean 'rate'?)");
    }

    @Test
    void unknownTopLevelKey() {
        assertError("durration: 2s\n" + VALID, 1, 1, "unknown key 'durration' in experiment (did you mean 'duration'?)");
    }

    @Test
    void missingRequiredKeyIsReportedAtTheEnclosingMap() {
        assertError(valid("    rate: 10Mbps\n    delay: 1ms\n  - name: l2", "    delay: 1ms\n  - name: l2"),
                9, 5, "missing required key 'rate' in link");
        assertError(VALID.replace("duration: 1s\n", ""), 1, 1, "missing required key 'duration' in experiment");
    }

    @Test
    void wrongShapesAreErrors() {
        assertError(VALID.substring(0, VALID.indexOf("links:")).replace("nodes:\n  - name: a\n  - name: b\n"
                + "  - name: r\n    kind: router\n", "nodes: a\n"), 3, 8, "nodes must be a list, got a scalar");
        assertError(valid("endpoints: [a, r]", "endpoints: a"), 10, 16,
                "endpoints must be a list of two node names, e.g. [a, b]");
        assertError(valid("rate: 1Mbps", "rate: [1Mbps]"), 22, 11, "rate must be a single value, got a list");
    }

    @Test
    void unknownNodeInEndpointsSuggestsANodeName() {
        assertError(valid("endpoints: [r, b]", "endpoints: [r, bb]"), 14, 20, "unknown node 'bb' (did you mean 'b'?)");
    }

    @Test
    void linkEndpointsMustDiffer() {
        // Connectivity is not checked on a graph with endpoint errors: it would only repeat them.
        assertError(valid("endpoints: [r, b]", "endpoints: [r, r]"), 14, 20,
                "link endpoints must be two different nodes, got 'r' twice");
    }

    @Test
    void ratesAndTimesAreCheckedWithPositions() {
        assertError(valid("rate: 10Mbps\n    delay: 1ms\n  - name: l2", "rate: 0Mbps\n    delay: 1ms\n  - name: l2"),
                11, 11, "rate must be positive, got '0Mbps'");
        assertError(valid("rate: 10Mbps\n    delay: 1ms\n  - name: l2", "rate: 100Mbs\n    delay: 1ms\n  - name: l2"),
                11, 11, "malformed rate '100Mbs' (expected e.g. 100Mbps, 1Gbps)");
        assertError(valid("delay: 1ms\n  - name: l2", "delay: -1ms\n  - name: l2"), 12, 12,
                "time must not be negative, got '-1ms'");
        assertError(valid("duration: 1s", "duration: 0s"), 2, 11, "duration must be positive, got '0s'");
    }

    @Test
    void duplicateNamesAreErrorsAtTheSecondName() {
        assertError(valid("  - name: b\n", "  - name: a\n  - name: b\n"), 5, 11,
                "duplicate node name 'a' (first at line 4)");
        assertError(valid("  - name: l2", "  - name: l1"), 13, 11, "duplicate link name 'l1' (first at line 9)");
        assertError(valid("  - name: sink", "  - name: cbr"), 23, 11,
                "duplicate application name 'cbr' (first at line 18)");
    }

    @Test
    void hostMustNotSendToARouter() {
        assertError(valid("to: b:5000", "to: r:5000"), 21, 9,
                "destination 'r' is a router; traffic must be sent to a host");
    }

    @Test
    void destinationMustBeHostColonPort() {
        assertError(valid("to: b:5000", "to: b5000"), 21, 9,
                "malformed destination 'b5000' (expected <host>:<port>, e.g. b:5000)");
        assertError(valid("to: b:5000", "to: bb:5000"), 21, 9,
                "unknown destination node 'bb' (did you mean 'b'?)");
    }

    @Test
    void everyNodeMustBeReachableFromTheFirst() {
        String yaml = valid("  - name: r\n", "  - name: lonely\n  - name: r\n");
        assertError(yaml, 6, 11, "node 'lonely' is not connected to node 'a'");
    }

    @Test
    void applicationsRunOnHostsOnly() {
        assertError(valid("node: a", "node: r"), 20, 11, "node 'r' is a router; applications run on hosts");
    }

    @Test
    void twoSinksOnOneHostCannotShareAPort() {
        String yaml = VALID + "  - name: sink2\n    type: udp-sink\n    node: b\n    port: 5000\n";
        assertError(yaml, 30, 11, "UDP port 5000 on host 'b' is already used by application 'sink'");
    }

    @Test
    void addressesMustBeValidAndUnique() {
        assertError(valid("endpoints: [a, r]", "endpoints: [a, r]\n    addresses: [10.0.0.1, 10.0.0.256]"), 11, 27,
                "invalid IPv4 address '10.0.0.256'");
        String dup = valid("endpoints: [a, r]", "endpoints: [a, r]\n    addresses: [10.0.0.1, 10.0.0.2]")
                .replace("endpoints: [r, b]", "endpoints: [r, b]\n    addresses: [10.0.0.2, auto]");
        assertError(dup, 16, 17, "duplicate address 10.0.0.2 (first at line 11)");
        LinkSpec l1 = load(valid("endpoints: [a, r]", "endpoints: [a, r]\n    addresses: [auto, 10.0.0.2]"))
                .links().get(0);
        assertEquals(Optional.empty(), l1.addressA());
        assertEquals(Optional.of("10.0.0.2"), l1.addressB());
    }

    @Test
    void allErrorsAreCollectedInFileOrder() {
        String yaml = VALID.replace("duration: 1s", "duration: 1").replace("rate: 1Mbps", "rate: 1Mbs")
                .replace("port: 5000", "prot: 5000");
        assertEquals(List.of(
                FILE + ":2:11: missing unit in time '1' (expected e.g. 10ms, 1.5s)",
                FILE + ":22:11: malformed rate '1Mbs' (expected e.g. 100Mbps, 1Gbps)",
                FILE + ":23:5: missing required key 'port' in udp-sink application",
                FILE + ":26:5: unknown key 'prot' in udp-sink application (did you mean 'port'?)"), errors(yaml));
    }

    @Test
    void experimentNameMustBeUsableAsADirectoryName() {
        assertError(valid("name: t\n", "name: a/b\n"), 1, 7, "experiment name 'a/b' must match [A-Za-z0-9_.-]+");
    }

    @Test
    void rootMustBeAMap() {
        assertEquals(List.of(FILE + ":1:1: an experiment file must be a map of keys (name, duration, nodes, ...), "
                + "got a list"), errors("- a\n- b\n"));
    }

    @Test
    void duplicateKeysAreReported() {
        assertError(valid("duration: 1s\n", "duration: 1s\nseed: 1\nseed: 2\n"), 4, 1,
                "duplicate key 'seed' (first at line 3)");
    }

    @Test
    void malformedYamlIsASingleError() {
        List<String> errors = errors("name: t\nnodes: [a\n");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith(FILE + ":"), errors.get(0));
        assertTrue(errors.get(0).contains(": malformed yaml: "), errors.get(0));
    }

    @Test
    void missingFileIsAnErrorNotAStackTrace() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(Path.of("does-not-exist.yaml"), List.of()));
        assertEquals("does-not-exist.yaml: no such file", e.getMessage());
    }

    @Test
    void exampleFilesLoad() throws ConfigException {
        ExperimentSpec cbr = ExperimentLoader.load(Path.of("..", "topologies", "udp-cbr.yaml"), List.of());
        assertEquals(2, cbr.nodes().size());
        assertInstanceOf(UdpCbrSpec.class, cbr.applications().get(0));

        ExperimentSpec dumbbell = ExperimentLoader.load(Path.of("..", "topologies", "dumbbell.yaml"), List.of());
        assertEquals(6, dumbbell.nodes().size());
        assertEquals(5, dumbbell.links().size());
        assertEquals(4, dumbbell.applications().size());
        assertEquals("2 UDP CBR flows of 60 Mbps through a 100 Mbps bottleneck", dumbbell.description());

        ExperimentSpec four = ExperimentLoader.load(Path.of("..", "topologies", "dumbbell.yaml"),
                List.of("parameters.flows=4"));
        assertEquals(10, four.nodes().size());
        assertEquals("4", four.parameters().get("flows"));
    }

    @Test
    void switchIsARouterAndUnknownKindsAreErrors() {
        assertEquals(NodeSpec.Kind.ROUTER, load(valid("kind: router", "kind: switch")).nodes().get(2).kind());
        assertError(valid("kind: router", "kind: rooter"), 7, 11, "unknown node kind 'rooter' (did you mean 'router'?)");
    }

    @Test
    void yamlAliasesAreRejected() {
        assertError(valid("duration: 1s\n", "duration: &d 1s\nseed: *d\n"), 3, 7,
                "yaml aliases (*d) are not supported");
    }

    @Test
    void sectionsOtherThanNodesAreOptional() {
        ExperimentSpec spec = load("name: one\nduration: 1s\nnodes:\n  - name: a\n");
        assertEquals(1, spec.nodes().size());
        assertTrue(spec.links().isEmpty());
        assertTrue(spec.applications().isEmpty());
        assertError("name: none\nduration: 1s\nnodes: []\n", 3, 8, "nodes must not be empty");
    }

    @Test
    void dumbbellExpandsNamesAndEndpoints() throws ConfigException {
        ExperimentSpec spec = ExperimentLoader.load(Path.of("..", "topologies", "dumbbell.yaml"), List.of());
        assertEquals(List.of("bottleneck", "s0-r1", "s1-r1", "r2-d0", "r2-d1"),
                spec.links().stream().map(LinkSpec::name).toList());
        assertEquals("d1", spec.links().get(4).b());
        assertEquals(1_000_000_000L, spec.links().get(1).rateBps());
        UdpCbrSpec cbr1 = (UdpCbrSpec) spec.applications().get(1);
        assertEquals(new Endpoint("d1", 5000), cbr1.to());
        assertEquals(60_000_000L, cbr1.rateBps());
        assertEquals(List.of("bottleneck"), spec.record().series().get("queue"));
    }
}
