package org.sockeye.config;

/**
 * An application running on a host. Each kind is its own record, bound from YAML by its
 * {@link AppType} (registered in {@link AppTypes}) and built by its factory in
 * {@code org.sockeye.app.Applications}.
 */
public interface AppSpec {
    /** Unique application name (default {@code <type>-<index>}). */
    String name();

    /** Host the application runs on. */
    String node();

    /** Start time in ps (default 0). */
    long startPs();

    /** Stop time in ps (default: the experiment's duration). */
    long stopPs();
}
