package org.sockeye.config;

/** An experiment of hosts a and b on one 1 Gb/s, 1 ms link, for tests to append applications to. */
public final class TwoHostsYaml {
    private TwoHostsYaml() {
    }

    /**
     * The experiment up to its {@code applications:} line, which is line 9 plus the lines of
     * {@code top} (top-level keys, {@code duration} among them, each ending in a newline).
     */
    public static String upToApplications(String top) {
        return """
                name: t
                """ + top + """
                nodes:
                  - name: a
                  - name: b
                links:
                  - endpoints: [a, b]
                    rate: 1Gbps
                    delay: 1ms
                applications:
                """;
    }
}
