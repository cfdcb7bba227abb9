/**
 * Sans-I/O TCP (RFC 9293 and friends, Linux defaults available): engines that turn segments,
 * application calls and timer expiries into segments, timer requests and events, without clocks
 * or scheduling.
 *
 * <h2>Driving the engine (emulator contract)</h2>
 * <ul>
 * <li>One {@link org.sockeye.protocols.tcp.TcpOutput} per connection: {@code send} gets a fresh
 *     {@link org.sockeye.protocols.tcp.TcpSegment} (ports set, addresses not: take them from the
 *     {@link org.sockeye.protocols.tcp.ConnectionId}); {@code setTimer(timer, deadline)} replaces any
 *     earlier deadline of that timer; at the deadline call
 *     {@link org.sockeye.protocols.tcp.TcpConnection#onTimer}. Stale or cancelled expiries are
 *     ignored by the engine, so a lazy timer wheel is fine.</li>
 * <li>Demultiplex arriving segments by four-tuple first; a segment that matches no connection goes
 *     to the {@link org.sockeye.protocols.tcp.TcpListener} of its port, which returns the new
 *     connection for a SYN (register it under its four-tuple); with no listener either, answer
 *     with {@link org.sockeye.protocols.tcp.TcpResets#replyTo}.</li>
 * <li>Events are delivered at the end of each engine call, in {@link org.sockeye.protocols.tcp.TcpEvent}
 *     order, after all state changes; callbacks may call back into the connection. A connection
 *     that reported {@code CLOSED} can be forgotten. A passive connection reports
 *     {@code CONNECTED} when it enters the listener's accept queue; then call
 *     {@link org.sockeye.protocols.tcp.TcpListener#accept()} (Fast Open children are queued, and
 *     readable, from their SYN on).</li>
 * <li>Payloads are virtual (length only) unless the application passes real bytes to
 *     {@link org.sockeye.protocols.tcp.TcpConnection#send}; then segments carry them.</li>
 * </ul>
 *
 * <h2>Modelled and not</h2>
 * Modelled: all eleven states, simultaneous open/close, half-close, RFC 5961 RST/SYN challenge
 * ACKs, TIME_WAIT, SYN/accept queues with Linux overflow drops, window scaling, timestamps
 * (microsecond TSval clock, like Linux's tcp_usec_ts), SACK with RFC 6675 recovery, RFC 6298 RTO
 * with Karn and backoff, Reno/NewReno/CUBIC, limited transmit, Nagle (classic or Minshall),
 * cork/MSG_MORE, delayed ACK with Linux quick-ack at start (a fixed count of immediate ACKs) and
 * TCP_QUICKACK (immediate ACKs while set), zero-window probes, keep-alive, Fast Open.
 *
 * <h2>Loss recovery</h2>
 * The {@code recovery} key chooses the window during fast recovery: PRR (RFC 6937, slow-start
 * reduction bound; Linux, ns-3) or classic inflation (RFC 5681 §3.2, RFC 6582; RFC 6675 §5 with
 * SACK). Both work with and without SACK; without SACK each duplicate ACK is taken to deliver one
 * segment (RFC 6937 §3, Linux's "reno SACK") and NewReno retransmits on partial ACKs, restarting
 * the timer on the first only (RFC 6582 §3.2/§4). Window growth counts delivered data (newly
 * cumulatively acked plus newly SACKed, Linux's "delivered"), never data SACKed before. Choices
 * that follow Linux rather than the letter of an RFC: the SACK scoreboard survives a timeout (RFC
 * 6675 §5.1 and RFC 2018 erratum 1610 allow it; these receivers never renege) and go-back-N skips
 * SACKed data; a retransmission is deemed lost again once data sent after it is SACKed (Linux's
 * pre-RACK tcp_mark_lost_retrans) and is resent within the episode; HighRxt outlives an episode,
 * so a new episode does not resend segments already retransmitted; RFC 5681 eq. 4's FlightSize
 * excludes data SACKed or duplicate-ACKed (as ns-3's BytesInFlight).
 *
 * <p>Not modelled: PAWS, D-SACK, ECN, urgent data, RACK-TLP (beyond the lost-retransmission rule),
 * receive-buffer autotuning, Linux's adaptive ATO and pingpong mode, orphan FIN_WAIT_2 timeout, SYN
 * cookies, MTU probing, pacing.
 */
package org.sockeye.protocols.tcp;
