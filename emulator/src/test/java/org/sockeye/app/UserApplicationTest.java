package org.sockeye.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.Table;

/**
 * The README's "Writing an application" path end to end: compile topologies/java/Pinger.java
 * against Sockeye, then run topologies/java/pinger.yaml in a fresh JVM with SOCKEYE_CLASSPATH.
 */
class UserApplicationTest {
    @TempDir
    Path tmp;

    @Test
    void aCompiledUserApplicationRunsFromYamlAndReportsItsOperations() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("apps"));
        String cp = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-cp", cp, "-d", classes.toString(), "../topologies/java/Pinger.java");
        assertEquals(0, status, "the example compiles against Sockeye");

        Path out = tmp.resolve("out");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", cp, "org.sockeye.cli.Main", "run", "../topologies/java/pinger.yaml",
                "-o", out.toString(), "-q");
        pb.environment().put("SOCKEYE_CLASSPATH", classes.toString());
        pb.redirectErrorStream(true);
        java.lang.Process run = pb.start();
        String output = new String(run.getInputStream().readAllBytes());
        assertTrue(run.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), output);

        Table apps = CsvIO.read(out.resolve("apps.csv"));
        List<Object> ping = apps.rows().stream().filter(r -> r.get(0).equals("ping")).findFirst().orElseThrow();
        assertEquals("1000", String.valueOf(ping.get(apps.columnIndex("operations"))));
        double p50 = Double.parseDouble(String.valueOf(ping.get(apps.columnIndex("latency_p50_s"))));
        // 2 x 10 ms of propagation, plus serialising 100 B of data and its echo at 100 Mb/s.
        assertTrue(p50 > 0.020 && p50 < 0.0201, "median round trip " + p50);
    }

    @Test
    void aMissingClassIsAValidationErrorAtItsPosition() throws Exception {
        Path yaml = tmp.resolve("bad.yaml");
        Files.writeString(yaml, String.join("\n", "name: bad", "duration: 1s", "nodes:", "  - name: a", "  - name: b",
                "links:", "  - endpoints: [a, b]", "    rate: 1Gbps", "    delay: 1ms", "applications:",
                "  - type: java", "    node: a", "    class: no.such.App", ""));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.sockeye.cli.Main.execute(new String[] {"validate", yaml.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("bad.yaml:13:12: class 'no.such.App' not found (is it on SOCKEYE_CLASSPATH?)"),
                err.toString());
    }
}
