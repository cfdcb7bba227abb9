package org.sockeye.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads an experiment from YAML. Steps, in order: parse into a position-carrying tree, apply
 * {@code --set} overrides, substitute {@code ${parameters}}, expand {@code count} elements,
 * bind to the records and validate. Every step collects errors instead of stopping at the first,
 * and the loader reports them all together.
 */
public final class ExperimentLoader {
    private ExperimentLoader() {
    }

    /**
     * @param setOverrides {@code path=value} strings from {@code --set}, applied in order
     * @throws ConfigException with every error found, each with file, line and column
     */
    public static ExperimentSpec load(Path file, List<String> setOverrides) throws ConfigException {
        return load(ConfigFiles.read(file), file.toString(), setOverrides);
    }

    /** Loads from text; {@code fileName} is only used in error messages. */
    public static ExperimentSpec load(String text, String fileName, List<String> setOverrides)
            throws ConfigException {
        ConfigErrors errors = new ConfigErrors(fileName);
        YamlMap root = ConfigFiles.rootMap(text, errors,
                "an experiment file must be a map of keys (name, duration, nodes, ...)");
        Overrides overrides = new Overrides(errors);
        for (String override : setOverrides) {
            overrides.apply(root, override);
        }
        String source = setOverrides.isEmpty() ? text : YamlWriter.write(root);

        Parameters parameters = new Parameters(errors);
        Map<String, String> values = parameters.read(root);
        YamlMap substituted = parameters.substitute(root, values);
        new CountExpansion(errors).expand(substituted);
        ExperimentSpec spec = new ExperimentBinder(errors).bind(substituted, values, source);
        errors.throwIfAny();
        return spec;
    }
}
