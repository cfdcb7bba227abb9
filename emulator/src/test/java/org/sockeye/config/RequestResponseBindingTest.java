package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.load;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockeye.sim.Time;

/** YAML binding of echo-server, echo-client, kv-server, kv-client, and of a node's down: time. */
class RequestResponseBindingTest {
    /** Applications start at line 11. */
    private static final String BASE = TwoHostsYaml.upToApplications("duration: 1s\n");

    private static AppSpec app(String yaml) {
        return load(BASE + yaml).applications().get(0);
    }

    @Test
    void serversTakeAPortOrAPathWithRedisDefaults() {
        assertEquals(new EchoServerSpec("echo", "b", 0, Time.S, new ListenSpec(7, null, 511, ListenSpec.Io.EPOLL)),
                app("  - {name: echo, type: echo-server, node: b, port: 7}\n"));
        assertEquals(new KvServerSpec("kv", "b", 0, Time.S, new ListenSpec(0, "/run/kv.sock", 64,
                ListenSpec.Io.POLL), Time.US, 1_250_000),
                app("  - {name: kv, type: kv-server, node: b, path: /run/kv.sock, io: poll, backlog: 64}\n"));
        KvServerSpec s = (KvServerSpec) app("  - {name: kv, type: kv-server, node: b, port: 6379, "
                + "service-time: {get: 2us, set: 3us}}\n");
        assertEquals(2 * Time.US, s.getPs());
        assertEquals(3 * Time.US, s.setPs());
        assertEquals(500_000, ((KvServerSpec) app("  - {name: kv, type: kv-server, node: b, port: 6379, "
                + "service-time: 500ns}\n")).setPs());
    }

    @Test
    void clientsConnectToAHostALoopbackPortOrAPath() {
        assertEquals(new EchoClientSpec("c", "a", 0, Time.S, new ConnectSpec(new Endpoint("b", 7), false, null, 1,
                true, null), SizeSpec.fixed(64), null, 0, 0),
                app("  - {name: c, type: echo-client, node: a, to: \"b:7\"}\n"));
        EchoClientSpec e = (EchoClientSpec) app("""
                  - name: c
                    type: echo-client
                    node: a
                    to: localhost:7
                    connections: 4
                    size: uniform(10B, 1KiB)
                    think: exp(1ms)
                    messages: 3
                    idle-connections: 100
                    nodelay: off
                    keepalive: {idle: 10s, interval: 2s, count: 3}
                """);
        assertEquals(new ConnectSpec(new Endpoint("a", 7), true, null, 4, false, new KeepaliveSpec(10, 2, 3)),
                e.connect());
        assertEquals(new SizeSpec(SizeSpec.Kind.UNIFORM, 10, 1024), e.size());
        assertEquals(new PeriodSpec(PeriodSpec.Distribution.EXPONENTIAL, Time.MS), e.think());
        assertEquals(3, e.messages());
        assertEquals(100, e.idleConnections());
        assertEquals(KeepaliveSpec.LINUX_DEFAULTS, ((EchoClientSpec) app("  - {name: c, type: echo-client, node: a, "
                + "to: \"b:7\", keepalive: on}\n")).connect().keepalive());
        assertEquals(new KvClientSpec("kv", "a", 0, Time.S, new ConnectSpec(null, false, "/run/kv.sock", 50, true,
                null), 1, 10.0 / 11, SizeSpec.fixed(16), SizeSpec.fixed(3), 0),
                app("  - {name: kv, type: kv-client, node: a, path: /run/kv.sock}\n"));
        KvClientSpec k = (KvClientSpec) app("  - {name: kv, type: kv-client, node: a, to: \"b:6379\", clients: 8, "
                + "pipeline: 16, get-ratio: 0.5, key-size: 32B, value-size: exp(512B), requests: 1000}\n");
        assertEquals(16, k.pipeline());
        assertEquals(0.5, k.getRatio());
        assertEquals(new SizeSpec(SizeSpec.Kind.EXPONENTIAL, 512, 0), k.valueSize());
        assertEquals(1000, k.requests());
        assertEquals(8, k.connect().connections());
    }

    /** A bad application list: its one error, at line 11 + {@code line} where the text {@code at} starts. */
    record Bad(String apps, int line, String at, String message) {
    }

    static Stream<Bad> badApplications() {
        String client = "  - {name: c, type: echo-client, node: a, to: \"b:7\", ";
        String kv = "  - {name: c, type: kv-client, node: a, to: \"b:7\", ";
        return Stream.of(
                new Bad(kv + "pipline: 4}\n", 0, "pipline",
                        "unknown key 'pipline' in kv-client application (did you mean 'pipeline'?)"),
                new Bad("  - {name: s, type: echo-server, node: b}\n", 0, "{",
                        "echo-server application needs 'port' (TCP) or 'path' (AF_UNIX)"),
                new Bad("  - {name: s, type: echo-server, node: b, port: 7, path: /e}\n", 0, "/e",
                        "give either 'port' (TCP) or 'path' (AF_UNIX), not both"),
                new Bad("  - {name: s, type: echo-server, node: b, port: 7, io: epol}\n", 0, "epol",
                        "unknown io mechanism 'epol' (did you mean 'epoll'?)"),
                new Bad("  - {name: c, type: echo-client, node: a}\n", 0, "{",
                        "echo-client application needs 'to' (TCP, <host>:<port>) or 'path' (AF_UNIX, on its own host)"),
                new Bad("  - {name: c, type: echo-client, node: a, to: \"bb:7\"}\n", 0, "\"bb",
                        "unknown destination node 'bb' (did you mean 'b'?)"),
                new Bad("  - {name: c, type: echo-client, node: a, path: /e, nodelay: on}\n", 0, "on}",
                        "nodelay applies to TCP connections ('to'), not to AF_UNIX ones"),
                new Bad(client + "size: 10}\n", 0, "10}",
                        "malformed size '10' (expected e.g. 100B, uniform(10B, 1KiB) or exp(512B))"),
                new Bad(kv + "value-size: \"uniform(2KiB, 1KiB)\"}\n", 0, "\"uniform",
                        "value-size must lie between 0B and 1048576B with the lower bound first, got "
                                + "'uniform(2KiB, 1KiB)'"),
                new Bad(kv + "get-ratio: 1.5}\n", 0, "1.5",
                        "get-ratio must be a probability between 0 and 1, got '1.5'"),
                new Bad(client + "keepalive: {idle: 1.5s}}\n", 0, "1.5s",
                        "keepalive idle must be whole seconds from 1s to 32767s (TCP_KEEPIDLE), got '1.5s'"),
                new Bad(client + "keepalive: {idel: 5s}}\n", 0, "idel",
                        "unknown key 'idel' in keepalive (did you mean 'idle'?)"),
                new Bad(client + "keepalive: yes}\n", 0, "yes",
                        "keepalive must be on, off or a map {idle, interval, count}, got 'yes'"),
                new Bad("  - {name: s, type: kv-server, node: b, port: 6379}\n"
                        + "  - {name: t, type: echo-server, node: b, port: 6379}\n", 1, "6379",
                        "TCP port 6379 on host 'b' is already used by application 's'"),
                new Bad("  - {name: s, type: kv-server, node: b, path: /k}\n"
                        + "  - {name: t, type: kv-server, node: b, path: /k}\n", 1, "/k",
                        "UNIX path /k on host 'b' is already used by application 's'"),
                new Bad("  - {name: s, type: kv-server, node: b, port: 1, service-time: [1us]}\n", 0, "[1us]",
                        "service-time must be a time or a map {get, set}, got a list"));
    }

    @ParameterizedTest
    @MethodSource("badApplications")
    void errorsPointAtTheKeyOrValue(Bad c) {
        String text = c.apps().split("\n")[c.line()];
        assertTrue(text.contains(c.at()), c.at());
        assertError(BASE + c.apps(), 11 + c.line(), text.indexOf(c.at()) + 1, c.message());
    }

    @Test
    void aNodeGoesDownAtItsDownTime() {
        String apps = "  - {name: s, type: echo-server, node: b, port: 7}\n";
        ExperimentSpec e = load(BASE.replace("  - name: b\n", "  - name: b\n    down: 250ms\n") + apps);
        assertEquals(NodeSpec.NEVER, e.nodes().get(0).downPs());
        assertEquals(250 * Time.MS, e.nodes().get(1).downPs());
        assertError(BASE.replace("  - name: b\n", "  - name: b\n    down: 2s\n") + apps, 6, 11,
                "down '2s' must be before the end of the experiment");
        assertError(BASE.replace("  - name: b\n", "  - name: b\n    dwn: 2s\n") + apps, 6, 5,
                "unknown key 'dwn' in node (did you mean 'down'?)");
    }
}
