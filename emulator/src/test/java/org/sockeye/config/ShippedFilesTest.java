package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every experiment, sweep and regression set shipped in topologies/ loads without an error. */
class ShippedFilesTest {
    private static final Path TOPOLOGIES = Path.of("../topologies");

    @TestFactory
    Stream<DynamicTest> everyShippedFileLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TOPOLOGIES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(TOPOLOGIES.relativize(f).toString(), () -> {
            Path rel = TOPOLOGIES.relativize(f);
            if (rel.startsWith("java")) {
                return; // needs its user class compiled first: UserApplicationTest does both
            }
            if (rel.startsWith("sweeps") && !rel.getFileName().toString().endsWith("-base.yaml")) {
                SweepLoader.load(f);
            } else if (rel.startsWith("regress")) {
                RegressLoader.load(f);
            } else {
                ExperimentLoader.load(f, List.of());
            }
        }));
    }
}
