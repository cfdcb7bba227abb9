package org.sockeye.config;

/**
 * A host's CPU as a cost model ({@code cpu:} on a host): {@code cores} cores, each running the
 * network work queued on it in FIFO order, and what that work costs.
 *
 * <p>Per-packet costs are charged once per packet on the path named; the per-byte cost is the
 * copy between user and kernel buffers (charged on both paths); the syscall cost is charged per
 * UDP datagram sent or received (TCP's reads and writes are large and amortised over many
 * segments, so they are not charged per segment); the interrupt cost once per hardware interrupt.
 *
 * @param txPacketPs socket layer + TCP/UDP + IP + qdisc + driver, per transmitted packet
 * @param rxPacketPs NAPI poll + IP + TCP/UDP + socket wakeup, per received packet
 */
public record CpuSpec(int cores, String profile, long txPacketPs, long rxPacketPs, long copyPsPerByte,
        long syscallPs, long interruptPs) {
    public static final String LINUX_X86 = "linux-x86";

    /**
     * The {@code linux-x86} profile. Sources, and which numbers are estimates:
     * <ul>
     *   <li>Rizzo, "netmap: a novel framework for fast packet I/O", USENIX ATC 2012, and "Revisiting
     *       Network I/O APIs: the netmap framework", ACM Queue 2012: a user-space sender through
     *       the socket API peaks at about 1.05 Mpps per core (about 950 ns per sendto of a
     *       minimum-size packet), and moving a packet between wire and application takes
     *       "10-20 times" a 10 GbE minimum-frame time of 67.2 ns, i.e. about 0.7-1.3 us.
     *       Hence 1 us per received packet and 950 ns per sent datagram, split (estimate) into
     *       450 ns of syscall entry/exit and socket lookup and 500 ns of per-packet stack work.</li>
     *   <li>Copy: 100 ps per byte, i.e. 10 GB/s, a typical single-core memcpy bandwidth on
     *       current x86 servers (estimate).</li>
     *   <li>Interrupt entry and exit: 500 ns (estimate; hardware interrupt plus irq_exit's softirq
     *       raise on x86, before any packet work).</li>
     * </ul>
     */
    public static CpuSpec linuxX86(int cores) {
        return new CpuSpec(cores, LINUX_X86, 500_000, 1_000_000, 100, 450_000, 500_000);
    }

    public CpuSpec {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1");
        }
    }
}
