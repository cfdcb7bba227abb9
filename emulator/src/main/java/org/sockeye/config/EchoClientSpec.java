package org.sockeye.config;

/**
 * {@code echo-client}: closed loops of messages, each sent whole and answered by its echo.
 *
 * @param think           pause after each echo before the next message, or null for none
 * @param messages        messages per connection, 0 for no limit; the connection stays open after
 * @param idleConnections extra connections that connect and then stay silent
 */
public record EchoClientSpec(String name, String node, long startPs, long stopPs, ConnectSpec connect,
        SizeSpec size, PeriodSpec think, long messages, int idleConnections) implements AppSpec {
}
