package org.sockeye.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sockeye.pktdrill.ScriptResult;
import org.sockeye.pktdrill.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sockeye pktdrill}: runs packetdrill-format scripts against a simulated host with the
 * {@code linux} TCP profile. Exit 0 if all pass, 1 if any failed, 2 if any script is malformed.
 */
@Command(name = "pktdrill", mixinStandardHelpOptions = true,
        description = "Run packetdrill-format TCP/UDP scripts against the TCP engine (see topologies/PKTDRILL.md).")
public final class PktdrillCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE.pkt", description = "Scripts to run.")
    List<Path> files;

    @Option(names = {"--tolerance_usecs", "--tolerance-usecs"}, paramLabel = "N",
            description = "Timing tolerance for outbound packets in microseconds (default: ${DEFAULT-VALUE}).")
    long toleranceUsecs = ScriptRunner.DEFAULT_TOLERANCE_US;

    @Option(names = "--verbose", description = "Print every event with its simulated time.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (toleranceUsecs < 0) {
            throw new UserError("--tolerance_usecs must be >= 0: " + toleranceUsecs);
        }
        boolean failed = false;
        boolean malformed = false;
        for (Path f : files) {
            String source;
            try {
                source = Files.readString(f);
            } catch (IOException e) {
                throw new UserError("cannot read " + f + ": " + e.getMessage());
            }
            ScriptResult r = new ScriptRunner(toleranceUsecs, verbose).run(f.toString(), source);
            r.log().forEach(out::println);
            r.warnings().forEach(err::println);
            switch (r.status()) {
                case PASSED -> out.println(r.message());
                case FAILED -> {
                    failed = true;
                    out.println(f + ": FAILED");
                    err.println(r.message());
                }
                case MALFORMED -> {
                    malformed = true;
                    out.println(f + ": MALFORMED");
                    err.println(r.message());
                }
            }
        }
        out.flush();
        err.flush();
        return malformed ? Main.EXIT_BAD_INPUT : failed ? Main.EXIT_FAILED : Main.EXIT_OK;
    }
}
