package org.sockeye.config;

/**
 * An HTTP/1.1 server (YAML type {@code http-server}): {@code workers} single-threaded processes,
 * each an event loop over {@code io}, answering every request with a response of
 * {@code responseSize} bytes. Times of 0 mean "off".
 *
 * @param reusePort each worker has its own SO_REUSEPORT listener (else worker 0's listener is
 *     passed to the others with SCM_RIGHTS and they all accept from it)
 * @param keepAlive false: the server closes each connection after its response
 * @param maxConnections per worker; at the limit the worker stops accepting (connections wait
 *     in the listener's accept queue)
 * @param idleTimeoutPs a keep-alive connection idle this long is closed
 * @param headerTimeoutPs a connection whose request head is not complete this long after it was
 *     accepted (or after the first byte of a later request) is closed
 * @param acceptDelayPs the worker's time per accepted connection before serving it
 * @param serviceTimePs the worker's time per request before its response
 */
public record HttpServerSpec(String name, String node, long startPs, long stopPs, int port, ListenSpec.Io io,
        int workers, boolean reusePort, boolean keepAlive, int maxConnections, long idleTimeoutPs,
        long headerTimeoutPs, int backlog, long acceptDelayPs, long serviceTimePs, SizeSpec responseSize)
        implements AppSpec {
}
