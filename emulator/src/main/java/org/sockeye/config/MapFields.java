package org.sockeye.config;

import java.util.Collection;

/**
 * Typed access to the keys of one YAML map describing a {@code what} (e.g. "link"). Reports unknown
 * keys (with a suggestion) on construction, missing required keys at the map's position, and values
 * of the wrong shape at the value's position. Accessors return null after reporting a problem.
 */
final class MapFields {
    private final YamlMap map;
    private final String what;
    private final ConfigErrors errors;

    MapFields(YamlMap map, String what, Collection<String> allowedKeys, ConfigErrors errors) {
        this.map = map;
        this.what = what;
        this.errors = errors;
        for (YamlMap.Entry e : map.entries()) {
            String key = e.key().text();
            if (!allowedKeys.contains(key)) {
                errors.at(e.key(), "unknown key '" + key + "' in " + what + DidYouMean.suffix(key, allowedKeys));
            }
        }
    }

    YamlMap map() {
        return map;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    /** The raw value, or null if absent. */
    YamlNode node(String key) {
        return map.get(key);
    }

    YamlNode requiredNode(String key) {
        YamlNode node = map.get(key);
        if (node == null) {
            errors.at(map, "missing required key '" + key + "' in " + what);
        }
        return node;
    }

    /** A single value, or null if absent or not a single value. */
    YamlScalar scalar(String key) {
        YamlNode node = map.get(key);
        if (node == null || node instanceof YamlScalar) {
            return (YamlScalar) node;
        }
        errors.at(node, key + " must be a single value, got " + node.kindName());
        return null;
    }

    YamlScalar requiredScalar(String key) {
        return requiredNode(key) == null ? null : scalar(key);
    }

    /** A list, or null if absent or not a list. */
    YamlList list(String key) {
        YamlNode node = map.get(key);
        if (node == null || node instanceof YamlList) {
            return (YamlList) node;
        }
        errors.at(node, key + " must be a list, got " + node.kindName());
        return null;
    }

    /** "'text'" for a scalar, else "a map" / "a list": for "got ..." in messages. */
    static String describe(YamlNode node) {
        return node instanceof YamlScalar s ? "'" + s.text() + "'" : node.kindName();
    }
}
