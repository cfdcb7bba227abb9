package org.sockeye.config;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Where user-written application classes come from: the directories and jars listed in the
 * {@code SOCKEYE_CLASSPATH} environment variable (separated like PATH), then Sockeye's own
 * classpath. Read once; the same loader serves validation and the simulation.
 */
public final class UserClasses {
    public static final String ENV = "SOCKEYE_CLASSPATH";
    /** What a {@code type: java} application's class must implement. */
    static final String INTERFACE = "org.sockeye.app.UserApplication";

    private static final ClassLoader LOADER = build(System.getenv(ENV));

    private UserClasses() {
    }

    public static ClassLoader loader() {
        return LOADER;
    }

    static ClassLoader build(String path) {
        ClassLoader parent = UserClasses.class.getClassLoader();
        if (path == null || path.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    urls.add(new File(entry).toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(ENV + ": bad entry '" + entry + "'", e);
                }
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), parent);
    }

    /**
     * The application class called {@code name}, checked to implement UserApplication and to
     * have a public no-argument constructor; a message saying what is wrong otherwise.
     */
    static Class<?> applicationClass(String name, List<String> problems) {
        try {
            Class<?> c = Class.forName(name, false, LOADER);
            Class<?> api = Class.forName(INTERFACE, false, LOADER);
            if (!api.isAssignableFrom(c)) {
                problems.add("class '" + name + "' does not implement " + INTERFACE);
                return null;
            }
            c.getConstructor();
            return c;
        } catch (ClassNotFoundException e) {
            problems.add("class '" + name + "' not found (is it on " + ENV + "?)");
        } catch (NoSuchMethodException e) {
            problems.add("class '" + name + "' has no public no-argument constructor");
        } catch (LinkageError e) {
            problems.add("class '" + name + "' cannot be loaded: " + e);
        }
        return null;
    }
}
