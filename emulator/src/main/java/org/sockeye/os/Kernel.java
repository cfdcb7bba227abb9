package org.sockeye.os;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sockeye.config.CpuSpec;
import org.sockeye.net.Host;
import org.sockeye.net.Machine;
import org.sockeye.sim.Scheduler;

/**
 * The simulated kernel of one host, above its network stack: processes with descriptor tables,
 * the socket layer (TCP and UDP over the host's stack, AF_UNIX within the host), readiness
 * (select, poll, epoll), and what its system calls cost on the host's cores.
 *
 * <p>A host not modelled as a machine has a kernel whose calls cost no time; one with
 * {@code cpu:} charges each call to its process's core (see {@link CpuSpec}).
 */
public final class Kernel {
    private final Host host;
    private final Machine machine;
    private final CpuSpec costs;
    private final List<Process> processes = new ArrayList<>();
    /** AF_UNIX names: bound paths (stale after close until unlinked, as on a file system). */
    final Map<String, UnixSocketFile> unixPaths = new HashMap<>();
    /** TCP ports bound by sockets that do not listen or connect yet. */
    final Int2IntOpenHashMap tcpBound = new Int2IntOpenHashMap();
    /** Of those, the ones that set SO_REUSEPORT (a port is shared only if all did). */
    final Int2IntOpenHashMap tcpBoundShared = new Int2IntOpenHashMap();
    /** Per core: the process whose system call is executing now (its step), or null. */
    private final Process[] running;
    /** Per core: processes woken by the running one, switched in after it (the waker keeps its core). */
    private final java.util.ArrayDeque<Process>[] woken;
    private int nextPid = 1000;
    private int nextCore;
    long syscalls;
    long contextSwitches;

    private Kernel(Host host) {
        this.host = host;
        this.machine = host.machine();
        this.costs = machine != null ? machine.cpu() : CpuSpec.free(1);
        int cores = machine == null ? 1 : machine.coreCount();
        this.running = new Process[cores];
        @SuppressWarnings("unchecked")
        java.util.ArrayDeque<Process>[] w = new java.util.ArrayDeque[cores];
        for (int i = 0; i < cores; i++) {
            w[i] = new java.util.ArrayDeque<>();
        }
        this.woken = w;
    }

    /** {@code p} starts (null: ends) executing a step on {@code core}; returns who ran before. */
    Process enterRunning(int core, Process p) {
        Process outer = running[core];
        running[core] = p;
        return outer;
    }

    /**
     * Whether waking {@code p} must wait for the process now running on its core (Linux: the wakee
     * goes on the run queue; the waker is not preempted). If so it is queued for {@link #afterStep}.
     */
    boolean deferWake(Process p) {
        Process r = running[p.core()];
        if (r == null || r == p) {
            return false;
        }
        woken[p.core()].add(p);
        return true;
    }

    /** The running process's step on {@code core} is over: switch in those it woke. */
    void afterStep(int core) {
        java.util.ArrayDeque<Process> q = woken[core];
        Process p;
        while (running[core] == null && (p = q.poll()) != null) {
            p.switchIn();
        }
    }

    /** The kernel of {@code host}, created on first use. */
    public static Kernel of(Host host) {
        return host.kernel(Kernel::new);
    }

    public Host host() {
        return host;
    }

    public Scheduler scheduler() {
        return host.scheduler();
    }

    /** The machine whose cores run this kernel's work, or null (calls cost nothing). */
    Machine machine() {
        return machine;
    }

    CpuSpec costs() {
        return costs;
    }

    /** Starts a process on the next core in turn (round-robin over the machine's cores). */
    public Process spawn(String name) {
        int cores = machine == null ? 1 : machine.coreCount();
        int core = nextCore;
        nextCore = (nextCore + 1) % cores;
        return spawn(name, core);
    }

    /** Starts a process pinned to {@code core} (taskset). */
    public Process spawn(String name, int core) {
        int cores = machine == null ? 1 : machine.coreCount();
        if (core < 0 || core >= cores) {
            throw new IllegalArgumentException("core " + core + " does not exist on " + host.name());
        }
        Process p = new Process(this, name, nextPid++, core);
        processes.add(p);
        return p;
    }

    public List<Process> processes() {
        return Collections.unmodifiableList(processes);
    }

    /** System calls made on this host. */
    public long syscalls() {
        return syscalls;
    }

    /** Times a blocked process was woken and switched back in (voluntary context switches). */
    public long contextSwitches() {
        return contextSwitches;
    }
}
