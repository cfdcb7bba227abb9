package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockeye.config.LoaderTestSupport.VALID;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.load;
import static org.sockeye.config.LoaderTestSupport.valid;

import org.junit.jupiter.api.Test;

class ApplicationsTest {
    private static final String ONOFF = VALID + """
              - name: burst
                type: udp-onoff
                node: a
                to: b:5001
                rate: 5Mbps
                on: exp(100ms)
                off: 200ms
                start: 100ms
                stop: 900ms
                source-port: 4000
                size: 1200B
            """;

    @Test
    void onOffWithPeriods() {
        UdpOnOffSpec s = (UdpOnOffSpec) load(ONOFF).applications().get(2);
        assertEquals(new UdpOnOffSpec("burst", "a", 100_000_000_000L, 900_000_000_000L, new Endpoint("b", 5001),
                4000, 5_000_000, 1200, new PeriodSpec(PeriodSpec.Distribution.EXPONENTIAL, 100_000_000_000L),
                new PeriodSpec(PeriodSpec.Distribution.FIXED, 200_000_000_000L)), s);
    }

    @Test
    void periodErrors() {
        assertError(ONOFF.replace("on: exp(100ms)", "on: exp(100)"), 32, 9,
                "malformed on period 'exp(100)' (expected e.g. 100ms or exp(100ms))");
        assertError(ONOFF.replace("off: 200ms", "off: 0s"), 33, 10, "off period must be positive, got '0s'");
    }

    @Test
    void stopMustBeAfterStart() {
        assertError(ONOFF.replace("stop: 900ms", "stop: 50ms"), 35, 11, "stop '50ms' must be after start '100ms'");
        assertError(valid("    port: 5000\n", "    port: 5000\n    start: 2s\n"), 27, 12,
                "start '2s' must be before the end of the experiment");
    }

    @Test
    void sizeIsAValidUdpPayload() {
        // 65507 = 65535 - 20 (IPv4 header) - 8 (UDP header)
        assertEquals(65_507, ((UdpOnOffSpec) load(ONOFF.replace("1200B", "65507B")).applications().get(2))
                .sizeBytes());
        assertError(ONOFF.replace("1200B", "65508B"), 37, 11,
                "size must be between 1B and 65507B (the largest UDP payload over IPv4), got '65508B'");
        assertError(ONOFF.replace("1200B", "0B"), 37, 11,
                "size must be between 1B and 65507B (the largest UDP payload over IPv4), got '0B'");
    }

    @Test
    void unknownTypeSuggestsOne() {
        assertError(valid("type: udp-sink", "type: udp-snk"), 24, 11,
                "unknown application type 'udp-snk' (did you mean 'udp-sink'?)");
        assertError(valid("    type: udp-sink\n", ""), 23, 5,
                "missing required key 'type' in application (one of " + String.join(", ", AppTypes.ALL.keySet())
                        + ")");
        assertEquals(java.util.List.of("udp-cbr", "udp-onoff", "udp-sink", "tcp-bulk", "tcp-sink"),
                java.util.List.copyOf(AppTypes.ALL.keySet()).subList(0, 5), "every type, the traffic family first");
    }

    @Test
    void keysAreCheckedPerType() {
        // 'rate' is valid for senders, not for a sink.
        assertError(valid("    port: 5000\n", "    port: 5000\n    rate: 1Mbps\n"), 27, 5,
                "unknown key 'rate' in udp-sink application");
    }

    @Test
    void portsAreInRange() {
        assertError(valid("port: 5000", "port: 70000"), 26, 11, "port must be an integer between 1 and 65535, got '70000'");
        assertError(valid("to: b:5000", "to: b:0"), 21, 9, "destination port must be between 1 and 65535, got 0");
    }

    @Test
    void unknownNodeSuggestsOne() {
        assertError(valid("node: a", "node: aa"), 20, 11, "unknown node 'aa' (did you mean 'a'?)");
    }
}
