package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigErrorTest {
    @Test
    void printsFileLineColumnMessage() {
        assertEquals("x.yaml:3:7: bad", new ConfigError("x.yaml", 3, 7, "bad").toString());
        assertEquals("<command line>: --set a: bad", ConfigError.commandLine("--set a: bad").toString());
    }

    @Test
    void exceptionMessageListsAllErrorsOnePerLine() {
        ConfigException e = new ConfigException(List.of(new ConfigError("f", 1, 2, "one"),
                new ConfigError("f", 3, 4, "two")));
        assertEquals("f:1:2: one\nf:3:4: two", e.getMessage());
        assertEquals(2, e.errors().size());
        assertThrows(IllegalArgumentException.class, () -> new ConfigException(List.of()));
    }

    @Test
    void errorsAreSortedByPositionWithCommandLineFirstAndDeduplicated() {
        ConfigErrors errors = new ConfigErrors("f");
        errors.at(5, 1, "later");
        errors.at(2, 9, "earlier");
        errors.at(2, 9, "earlier");
        errors.commandLine("cli");
        assertEquals(List.of("<command line>: cli", "f:2:9: earlier", "f:5:1: later"),
                errors.sorted().stream().map(ConfigError::toString).toList());
    }
}
