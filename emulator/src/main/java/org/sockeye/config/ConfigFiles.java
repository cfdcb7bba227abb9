package org.sockeye.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading YAML files for the loaders: a missing or unreadable file is a positioned error, not a trace. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 0, 0, "no such file")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 0, 0,
                    "cannot read file: " + e.getMessage())));
        }
    }

    /** Parses {@code text} and returns its root map, or throws with every error found. */
    static YamlMap rootMap(String text, ConfigErrors errors, String expected) throws ConfigException {
        YamlNode parsed = new YamlTreeReader(errors, false).read(text);
        if (parsed == null) { // the reader has reported why
            throw new ConfigException(errors.sorted());
        }
        if (!(parsed instanceof YamlMap root)) {
            errors.at(parsed, expected + ", got " + parsed.kindName());
            throw new ConfigException(errors.sorted());
        }
        return root;
    }
}
