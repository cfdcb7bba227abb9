package org.sockeye.bench;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.sockeye.config.ExperimentLoader;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.run.Simulation;

/**
 * Wall time per simulated minute of one long run in one JVM: shows how long the JIT takes to reach
 * full speed, which a single short run mixes into its figure. Writes no files.
 *
 * <p>Run: {@code java -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * org.sockeye.bench.SimulationMinutes topologies/dumbbell-ns3-fqcodel.yaml 600s}
 */
public final class SimulationMinutes {
    private static final long MINUTE_PS = 60_000_000_000_000L;

    private SimulationMinutes() {
    }

    public static void main(String[] args) throws Exception {
        ExperimentSpec spec = ExperimentLoader.load(Path.of(args[0]),
                List.of("duration=" + (args.length > 1 ? args[1] : "600s")));
        Simulation sim = new Simulation(spec, new TimeSeriesCsvWriter(new StringWriter()));
        long[] mark = {System.nanoTime(), 0};
        StringBuilder out = new StringBuilder("seconds of wall time per simulated minute:");
        sim.run((simulatedPs, totalPs, events) -> {
            if (simulatedPs - mark[1] >= MINUTE_PS) {
                long now = System.nanoTime();
                out.append(String.format(" %.2f", (now - mark[0]) / 1e9));
                mark[0] = now;
                mark[1] = simulatedPs;
            }
        });
        System.out.println(out);
    }
}
