package org.sockeye.config;

/**
 * A host's CPU as a cost model ({@code cpu:} on a host): {@code cores} cores, each running the
 * work queued on it in FIFO order, and what each layer of the Linux path costs. All costs are
 * picoseconds.
 *
 * <p>Where each cost is charged:
 * <ul>
 *   <li>System calls (process context, on the calling process's core): {@code syscallPs} per call,
 *       plus {@code copyPsPerByte} per byte copied between user and kernel (skipped by
 *       zero-copy sends), plus the socket family's per-call work ({@code unixSendPs},
 *       {@code unixRecvPs}; per watched descriptor for select and poll, per ready event for
 *       epoll_wait, {@code epollCtlPs} per epoll_ctl), plus {@code contextSwitchPs} whenever a
 *       blocked process is woken and switched back in.</li>
 *   <li>Transmit, per packet: the transport ({@code tcpTxPs} or {@code udpTxPs}), IP
 *       ({@code ipTxPs}), the qdisc ({@code qdiscPs}) and the driver ({@code driverTxPs});
 *       loopback replaces qdisc and driver by {@code loopbackPs} (loopback_xmit and netif_rx).</li>
 *   <li>Receive, per packet, in softirq: the driver's NAPI poll ({@code driverRxPs}), IP
 *       ({@code ipRxPs}) and the transport ({@code tcpRxPs} or {@code udpRxPs}, socket wakeup
 *       included); {@code interruptPs} once per hardware interrupt.</li>
 * </ul>
 */
public record CpuSpec(int cores, String profile, long syscallPs, long copyPsPerByte, long contextSwitchPs,
        long interruptPs, long tcpTxPs, long udpTxPs, long ipTxPs, long qdiscPs, long driverTxPs, long driverRxPs,
        long ipRxPs, long tcpRxPs, long udpRxPs, long loopbackPs, long unixSendPs, long unixRecvPs,
        long pollPerFdPs, long epollPerEventPs, long epollCtlPs) {
    public static final String LINUX_X86 = "linux-x86";
    /** A CPU whose every cost is zero: work still queues on cores but takes no time. */
    public static final String FREE = "free";

    /**
     * The {@code linux-x86} profile. Sources, and which numbers are estimates (topologies/README.md
     * lists them with the same references):
     * <ul>
     *   <li>Rizzo, "netmap: a novel framework for fast packet I/O", USENIX ATC 2012: a user-space
     *       sender through the socket API peaks at about 1.05 Mpps per core, about 950 ns per
     *       sendto of a minimum-size datagram: here 450 ns of syscall entry/exit, descriptor and
     *       socket lookup, plus 200 ns UDP, 100 ns IP, 50 ns qdisc and 150 ns driver (the split is
     *       an estimate). "Revisiting Network I/O APIs: the netmap framework", ACM Queue 2012: moving
     *       a packet between wire and application takes 10-20 times 67.2 ns, 0.7-1.3 us: here
     *       300 ns NAPI/driver + 150 ns IP + 550 ns TCP (or 300 ns UDP) per received packet.</li>
     *   <li>Copy: 100 ps per byte, 10 GB/s, a typical single-core memcpy on current x86 servers
     *       (estimate).</li>
     *   <li>Context switch: 2 us per wake-up of a blocked process, direct cost plus cache refill;
     *       Li, Ding and Shen, "Quantifying the cost of context switch", ExpCS 2007, measured
     *       3.8 us on 2 GHz Xeons; current cores are about twice as fast (estimate).</li>
     *   <li>Interrupt entry and exit: 500 ns (estimate).</li>
     *   <li>Loopback: 200 ns per packet for loopback_xmit, the per-CPU backlog and its softirq
     *       (estimate). AF_UNIX: 300 ns per message sent (skb allocation, queueing on the peer,
     *       wake-up), 150 ns per message received (estimates); with the TCP costs above this makes a
     *       small request-response about twice as fast over AF_UNIX as over TCP loopback, within
     *       the 1.5-3x that published measurements report (Redis' benchmark documentation: about
     *       +50-70%).</li>
     *   <li>select/poll: 50 ns per watched descriptor per call (fdget, the file's poll method,
     *       wait-queue registration; estimate, consistent with poll's linear cost in Banga, Mogul
     *       and Druschel, "A scalable and explicit event delivery mechanism for UNIX", USENIX ATC
     *       1999); epoll_wait: 50 ns per ready event copied out; epoll_ctl: 200 ns (estimates).</li>
     * </ul>
     */
    public static CpuSpec linuxX86(int cores) {
        return new CpuSpec(cores, LINUX_X86, 450_000, 100, 2_000_000, 500_000, 300_000, 200_000, 100_000, 50_000,
                150_000, 300_000, 150_000, 550_000, 300_000, 200_000, 300_000, 150_000, 50_000, 50_000, 200_000);
    }

    /** Every cost zero: useful to isolate one cost in tests. */
    public static CpuSpec free(int cores) {
        return new CpuSpec(cores, FREE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public CpuSpec {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1");
        }
    }

    /** Transmit-path work for one packet of {@code protocol} (a Packet.PROTO_* value). */
    public long txPacketPs(boolean tcp, boolean loopback) {
        return (tcp ? tcpTxPs : udpTxPs) + ipTxPs + (loopback ? loopbackPs : qdiscPs + driverTxPs);
    }

    /** Receive-path (softirq) work for one packet; loopback has no driver work on receive. */
    public long rxPacketPs(boolean tcp, boolean loopback) {
        return (loopback ? 0 : driverRxPs) + ipRxPs + (tcp ? tcpRxPs : udpRxPs);
    }

    /** Copying {@code bytes} between user and kernel memory. */
    public long copyPs(long bytes) {
        return copyPsPerByte * bytes;
    }
}
