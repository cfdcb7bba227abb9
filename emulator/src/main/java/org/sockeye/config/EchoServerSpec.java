package org.sockeye.config;

/** {@code echo-server}: sends every byte it reads back on the same connection. */
public record EchoServerSpec(String name, String node, long startPs, long stopPs, ListenSpec listen)
        implements AppSpec {
}
