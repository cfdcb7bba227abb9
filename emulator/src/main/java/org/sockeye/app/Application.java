package org.sockeye.app;

import org.sockeye.config.AppSpec;
import org.sockeye.net.Host;
import org.sockeye.sim.Scheduler;

/** A simulated application on a host, started and stopped at the times its spec gives. */
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

    protected abstract void start();

    protected abstract void stop();
}
