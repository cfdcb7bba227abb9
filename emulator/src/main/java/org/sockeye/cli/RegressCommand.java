package org.sockeye.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sockeye.batch.Regression;
import org.sockeye.config.ConfigException;
import org.sockeye.config.RegressLoader;
import org.sockeye.config.RegressSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockeye regress}: compare key metrics of a set of experiments with committed baselines. */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Run a regression set and compare its metrics with the committed baselines.")
final class RegressCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SET.yaml", defaultValue = "topologies/regress/core.yaml",
            description = "The regression set (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--update", description = "Rewrite the baselines with the values measured now.")
    boolean update;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the runs go (default: results/regress-<set>).")
    Path output;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Experiments at once (default: the number of cores).")
    Integer jobs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException, ConfigException {
        RegressSpec set = RegressLoader.load(file);
        Path out = output != null ? output : Path.of("results", "regress-" + set.name());
        List<Regression.Row> rows = Regression.run(set, out,
                jobs != null ? jobs : Runtime.getRuntime().availableProcessors());
        var w = spec.commandLine().getOut();
        w.print(Regression.format(rows));
        long bad = rows.stream().filter(r -> !r.passed()).count();
        if (update) {
            Regression.writeBaselines(set.baselines(), rows);
            w.printf("baselines updated: %s (%d metrics)%n", set.baselines(), rows.size());
            return rows.stream().anyMatch(r -> r.status().startsWith("FAILED")) ? Main.EXIT_FAILED : Main.EXIT_OK;
        }
        w.printf("%d of %d metrics within tolerance%s%n", rows.size() - bad, rows.size(),
                bad > 0 ? "; rerun with --update to accept the new values" : "");
        return bad == 0 ? Main.EXIT_OK : Main.EXIT_FAILED;
    }
}
