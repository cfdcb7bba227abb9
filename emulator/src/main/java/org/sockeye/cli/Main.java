package org.sockeye.cli;

import java.io.PrintWriter;
import org.sockeye.config.ConfigException;
import org.sockeye.run.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sockeye} command. Exit status: 0 success, 1 a run failed, 2 bad input (usage, YAML).
 */
@Command(name = "sockeye", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Sockeye: a discrete-event, packet-level network emulator.",
        subcommands = {RunCommand.class, ValidateCommand.class, PlotCommand.class, BatchCommand.class, MergeCommand.class, RegressCommand.class, PktdrillCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof ConfigException || e instanceof UserError
                || e instanceof CommandLine.ParameterException ? EXIT_BAD_INPUT : EXIT_FAILED);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            if (e instanceof ConfigException ce) {
                ce.errors().forEach(w::println);
                w.flush();
                return EXIT_BAD_INPUT;
            }
            if (e instanceof UserError ue) {
                w.println("sockeye: " + ue.getMessage());
                w.flush();
                return EXIT_BAD_INPUT;
            }
            w.println("sockeye: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (System.getenv("SOCKEYE_DEBUG") != null) {
                e.printStackTrace(w);
            } else {
                w.println("(set SOCKEYE_DEBUG=1 for a stack trace)");
            }
            w.flush();
            return EXIT_FAILED;
        });
        return cli.execute(args);
    }

    /** Reports the build's version. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sockeye " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
