package org.sockeye.config;

import java.util.Map;

/**
 * An application written in Java by the user ({@code type: java}): an instance of
 * {@code className} (an org.sockeye.app.UserApplication found through {@link UserClasses}) run
 * on {@code node}, given {@code args} as written in YAML.
 */
public record JavaAppSpec(String name, String node, long startPs, long stopPs, String className,
        Map<String, String> args) implements AppSpec {
}
