package org.sockeye.app;

/**
 * An application written against Sockeye's simulated socket API ({@link org.sockeye.os.Process})
 * by a user, run from YAML with {@code type: java} and {@code class: its.Name}. Compile it against
 * {@code emulator/target/sockeye.jar} and put its classes on {@code SOCKEYE_CLASSPATH}; the class
 * needs a public no-argument constructor. See README.md, "Writing an application", for a complete
 * example.
 */
public interface UserApplication {
    /** Called at the application's start time: spawn processes and make their first calls. */
    void start(UserContext context);

    /** Called at its stop time; by default every process it spawned exits (closing its sockets). */
    default void stop(UserContext context) {
        context.exitAll();
    }
}
