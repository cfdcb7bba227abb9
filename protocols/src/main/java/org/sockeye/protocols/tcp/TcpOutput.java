package org.sockeye.protocols.tcp;

/**
 * Everything a {@link TcpConnection} or {@link TcpListener} asks of the world: implemented by the
 * emulator (one instance per connection, so timers need no connection key) and by tests.
 */
public interface TcpOutput {
    /** Emits a segment. The engine allocated it and never touches it again: the caller owns it. */
    void send(TcpSegment segment);

    /** Arms or re-arms {@code timer}; a previous deadline for the same timer is replaced. */
    void setTimer(TcpTimer timer, long deadlinePs);

    /** Cancels {@code timer} if armed. */
    void cancelTimer(TcpTimer timer);

    /** Reports an event to the application. */
    void event(TcpEvent event);
}
