package org.sockeye.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.sockeye.config.JavaAppSpec;
import org.sockeye.config.Units;
import org.sockeye.net.Host;
import org.sockeye.net.Network;
import org.sockeye.os.Kernel;
import org.sockeye.os.Process;
import org.sockeye.os.SockAddr;

/**
 * What a {@link UserApplication} may use: processes on its host, its YAML arguments (with the
 * usual units), the addresses of hosts, its own random streams, and an {@link AppStats} whose
 * operations, latencies and errors land in {@code apps.csv}.
 */
public final class UserContext {
    private final JavaAppSpec spec;
    private final Network net;
    private final Host host;
    private final AppStats stats;
    private final List<Process> processes = new ArrayList<>();

    UserContext(JavaAppSpec spec, Network net, AppStats stats) {
        this.spec = spec;
        this.net = net;
        this.host = net.host(spec.node());
        this.stats = stats;
    }

    public String name() {
        return spec.name();
    }

    /** The host it runs on. */
    public String node() {
        return spec.node();
    }

    /** A new process on the application's host (round-robin over its cores). */
    public Process spawn() {
        Process p = Kernel.of(host).spawn(spec.name());
        processes.add(p);
        return p;
    }

    /** A new process pinned to {@code core}. */
    public Process spawn(int core) {
        Process p = Kernel.of(host).spawn(spec.name(), core);
        processes.add(p);
        return p;
    }

    /** Ends every process this application spawned. */
    public void exitAll() {
        processes.forEach(Process::exit);
    }

    public Map<String, String> args() {
        return spec.args();
    }

    /** The argument {@code key}, or {@code fallback} if not given. */
    public String arg(String key, String fallback) {
        return spec.args().getOrDefault(key, fallback);
    }

    /** A time argument ({@code 10ms}) in picoseconds. */
    public long timeArg(String key, String fallback) {
        return Units.timePs(arg(key, fallback));
    }

    /** A size argument ({@code 64KiB}) in bytes. */
    public long sizeArg(String key, String fallback) {
        return Units.sizeBytes(arg(key, fallback));
    }

    public long intArg(String key, long fallback) {
        String v = spec.args().get(key);
        return v == null ? fallback : Long.parseLong(v.trim());
    }

    /** {@code host:port} as a socket address (a host name, resolved to its primary address). */
    public SockAddr address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected host:port, got '" + hostAndPort + "'");
        }
        return SockAddr.inet(net.host(hostAndPort.substring(0, colon)).address(),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** A random stream of this application's own (seeded from the experiment seed and its name). */
    public RandomGenerator random(String stream) {
        return net.random().stream("java/" + spec.name() + "/" + stream);
    }

    public AppStats stats() {
        return stats;
    }
}
