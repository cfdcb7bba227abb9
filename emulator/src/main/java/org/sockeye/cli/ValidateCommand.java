package org.sockeye.cli;

import java.util.concurrent.Callable;
import org.sockeye.config.ConfigException;
import org.sockeye.config.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sockeye validate}: load and check an experiment without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment file and report every error as file:line:column: message.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ExperimentOptions experiment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ConfigException {
        ExperimentSpec e = experiment.load();
        spec.commandLine().getOut().printf("%s: ok (%d nodes, %d links, %d applications, %s simulated)%n",
                experiment.file, e.nodes().size(), e.links().size(), e.applications().size(),
                Humanize.seconds(e.durationPs() / 1e12));
        return Main.EXIT_OK;
    }
}
