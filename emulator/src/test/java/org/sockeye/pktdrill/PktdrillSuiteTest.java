package org.sockeye.pktdrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every script of the regression suite (src/test/resources/pktdrill/*.pkt); each must pass. */
class PktdrillSuiteTest {
    static Path suite() throws URISyntaxException {
        return Path.of(PktdrillSuiteTest.class.getResource("/pktdrill").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPasses() throws IOException, URISyntaxException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(suite())) {
            scripts = s.filter(p -> p.toString().endsWith(".pkt")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no scripts found");
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            ScriptResult r = new ScriptRunner(ScriptRunner.DEFAULT_TOLERANCE_US, true)
                    .run(p.getFileName().toString(), Files.readString(p));
            assertEquals(ScriptResult.Status.PASSED, r.status(),
                    () -> r.message() + "\n" + String.join("\n", r.log()));
        }));
    }
}
