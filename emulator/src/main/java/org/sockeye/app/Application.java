package org.sockeye.app;

import org.sockeye.config.AppSpec;
import org.sockeye.net.Host;
import org.sockeye.os.Kernel;
import org.sockeye.os.Process;
import org.sockeye.sim.Scheduler;

/**
 * A simulated application on a host, started and stopped at the times its spec gives. It runs
 * as one or more {@link Process}es of the host's kernel and reaches the network through their
 * system calls, so on a host with {@code cpu:} its calls cost CPU time.
 */
public abstract class Application {
    protected final Host host;
    protected final Scheduler scheduler;
    private final AppSpec spec;

    protected Application(AppSpec spec, Host host) {
        this.spec = spec;
        this.host = host;
        this.scheduler = host.scheduler();
    }

    public String name() {
        return spec.name();
    }

    public AppSpec spec() {
        return spec;
    }

    /** Schedules start and stop. */
    public final void install() {
        scheduler.schedule(spec.startPs(), this::start);
        scheduler.schedule(spec.stopPs(), this::stop);
    }

    /** A new process of this application on its host (round-robin over the host's cores). */
    protected final Process spawn() {
        return Kernel.of(host).spawn(spec.name());
    }

    protected abstract void start();

    protected abstract void stop();
}
