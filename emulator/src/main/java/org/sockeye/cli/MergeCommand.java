package org.sockeye.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sockeye.batch.BatchPlan;
import org.sockeye.batch.BatchReport;
import org.sockeye.batch.BatchSummary;
import org.sockeye.config.ConfigException;
import org.sockeye.config.SweepLoader;
import org.sockeye.config.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockeye merge}: one summary from the outputs of several shards of a sweep. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the output directories of a sweep's shards into one runs.csv and summary.csv.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Batch output directories (shards of one sweep).")
    List<Path> dirs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where to write (default: the first DIR).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, ConfigException {
        String text = null;
        for (Path d : dirs) {
            Path sweepFile = d.resolve("sweep.yaml");
            if (!Files.isRegularFile(sweepFile)) {
                throw new UserError(d + ": not a batch output directory (no sweep.yaml)");
            }
            String t = Files.readString(sweepFile);
            if (text != null && !text.equals(t)) {
                throw new UserError(d + ": its sweep.yaml differs from " + dirs.get(0) + "'s: not shards of one sweep");
            }
            text = t;
        }
        SweepSpec sweep = SweepLoader.parse(dirs.get(0).resolve("sweep.yaml"), text, false);
        Path out = output != null ? output : dirs.get(0);
        Files.createDirectories(out);
        if (!out.equals(dirs.get(0))) {
            Files.writeString(out.resolve("sweep.yaml"), text);
        }
        BatchPlan plan = new BatchPlan(sweep);
        var summary = new BatchSummary(sweep, plan).write(out, dirs);
        BatchReport.write(sweep, out);
        int complete = summary.rows().stream().mapToInt(r -> Integer.parseInt(String.valueOf(r.get(
                summary.columnIndex("runs"))))).sum();
        spec.commandLine().getOut().printf("%s: %d of %d runs complete; summary: %s%n", sweep.name(), complete,
                plan.runs().size(), out.resolve("summary.csv"));
        return complete == plan.runs().size() ? Main.EXIT_OK : Main.EXIT_FAILED;
    }
}
