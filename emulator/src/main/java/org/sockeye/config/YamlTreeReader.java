package org.sockeye.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Reads YAML text into a {@link YamlNode} tree with positions, using Jackson's streaming YAML
 * parser (data binding would lose the positions we need for error messages).
 */
final class YamlTreeReader {
    // Explicit: the builder's default differs from `new YAMLFactory()`; we want `key:` to be null.
    private static final YAMLFactory FACTORY =
            YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private final ConfigErrors errors;
    private final boolean commandLine;

    /**
     * @param commandLine whether the text comes from {@code --set}: every node then gets line 0
     *     and errors are reported against the command line
     */
    YamlTreeReader(ConfigErrors errors, boolean commandLine) {
        this.errors = errors;
        this.commandLine = commandLine;
    }

    /** The document's root, or null after reporting an error (malformed or empty). */
    YamlNode read(String text) {
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                report(1, 1, "empty document");
                return null;
            }
            YamlNode root = readValue(p, first);
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                report(loc.getLineNr(), loc.getColumnNr(), "only one yaml document is allowed per file");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int column = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            report(line, column, "malformed yaml: " + firstLine(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            // Reading from a String: only a parser failure can get here.
            report(1, 1, "malformed yaml: " + firstLine(e.getMessage()));
            return null;
        }
    }

    private YamlNode readValue(YAMLParser p, JsonToken token) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = commandLine ? 0 : loc.getLineNr();
        int column = commandLine ? 0 : loc.getColumnNr();
        switch (token) {
            case START_OBJECT: {
                YamlMap map = new YamlMap(line, column);
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    JsonLocation keyLoc = p.currentTokenLocation();
                    YamlScalar key = new YamlScalar(p.currentName(), commandLine ? 0 : keyLoc.getLineNr(),
                            commandLine ? 0 : keyLoc.getColumnNr());
                    YamlNode value = readValue(p, p.nextToken());
                    YamlMap.Entry first = map.entry(key.text());
                    if (first != null) {
                        errors.at(key, "duplicate key '" + key.text() + "' (first at line " + first.key().line() + ")");
                    } else {
                        map.put(key, value);
                    }
                }
                return map;
            }
            case START_ARRAY: {
                YamlList list = new YamlList(line, column);
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.items().add(readValue(p, t));
                }
                return list;
            }
            case VALUE_NULL:
                return new YamlScalar(null, line, column);
            default: {
                YamlScalar scalar = new YamlScalar(p.getText(), line, column);
                if (p.isCurrentAlias()) {
                    errors.spoil(scalar, "yaml aliases (*" + p.getText() + ") are not supported");
                }
                return scalar;
            }
        }
    }

    private void report(int line, int column, String message) {
        if (commandLine) {
            errors.commandLine(message);
        } else {
            errors.at(line, column, message);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String line = s.strip().lines().findFirst().orElse("unknown error");
        return line.isEmpty() ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }
}
