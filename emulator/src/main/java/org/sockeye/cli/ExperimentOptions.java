package org.sockeye.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sockeye.config.ConfigException;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.config.ExperimentSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The experiment file and the overrides every experiment command takes. */
public final class ExperimentOptions {
    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The experiment file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a value, e.g. --set links.bottleneck.rate=10Mbps (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the experiment's seed.")
    Long seed;

    /** Loads and validates the experiment, or throws ConfigException / UserError. */
    ExperimentSpec load() throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a directory, not an experiment file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return ExperimentLoader.load(file, all);
    }
}
