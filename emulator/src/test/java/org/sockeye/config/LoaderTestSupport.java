package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Helpers for loader tests: load small YAML strings and compare errors as "file:line:column: message". */
final class LoaderTestSupport {
    static final String FILE = "t.yaml";

    /** A valid experiment: hosts a, b behind router r; CBR a -> b:5000 and a sink on b. */
    static final String VALID = """
            name: t
            duration: 1s
            nodes:
              - name: a
              - name: b
              - name: r
                kind: router
            links:
              - name: l1
                endpoints: [a, r]
                rate: 10Mbps
                delay: 1ms
              - name: l2
                endpoints: [r, b]
                rate: 10Mbps
                delay: 1ms
            applications:
              - name: cbr
                type: udp-cbr
                node: a
                to: b:5000
                rate: 1Mbps
              - name: sink
                type: udp-sink
                node: b
                port: 5000
            """;

    private LoaderTestSupport() {
    }

    static ExperimentSpec load(String yaml, String... overrides) {
        try {
            return ExperimentLoader.load(yaml, FILE, List.of(overrides));
        } catch (ConfigException e) {
            throw new AssertionError("unexpected errors:\n" + e.getMessage(), e);
        }
    }

    static List<String> errors(String yaml, String... overrides) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(yaml, FILE, List.of(overrides)));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    /** Asserts that loading fails with exactly this one error. */
    static void assertError(String yaml, int line, int column, String message) {
        assertEquals(List.of(FILE + ":" + line + ":" + column + ": " + message), errors(yaml));
    }

    /** {@link #VALID} with {@code from} replaced by {@code to} (which must occur). */
    static String valid(String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("not in VALID: " + from);
        }
        return VALID.replace(from, to);
    }
}
