package org.sockeye.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's tshark on a capture; fails (never skips) the calling test if it is missing. */
final class Tshark {
    private Tshark() {
    }

    /** Field values per packet, tab-separated, for {@code tshark -r file -T fields -e f...}. */
    static List<String[]> fields(Path pcap, List<String> options, String... fields) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/tshark"))) {
            fail("tshark is not installed: apt-get install tshark (CI's .ci/run installs it)");
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/tshark", "-n", "-r", pcap.toString()));
        for (String o : options) {
            cmd.add("-o");
            cmd.add(o);
        }
        cmd.addAll(List.of("-T", "fields", "-E", "separator=\t"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tshark timed out");
        }
        assertEquals(0, p.exitValue(), "tshark exit status");
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
