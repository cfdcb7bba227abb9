package org.sockeye.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A YAML mapping with string keys, in document order; each key keeps its own position. */
final class YamlMap extends YamlNode {
    record Entry(YamlScalar key, YamlNode value) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    YamlMap(int line, int column) {
        super(line, column);
    }

    /** The value at {@code key}, or null. */
    YamlNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    Entry entry(String key) {
        return entries.get(key);
    }

    boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    /** Adds or replaces (keeping the key's place in the order). */
    void put(YamlScalar key, YamlNode value) {
        entries.put(key.text(), new Entry(key, value));
    }

    void remove(String key) {
        entries.remove(key);
    }

    @Override
    String kindName() {
        return "a map";
    }

    @Override
    YamlMap rewriteScalars(Function<YamlScalar, String> rewrite) {
        YamlMap copy = new YamlMap(line(), column());
        for (Entry e : entries.values()) {
            copy.put(e.key(), e.value().rewriteScalars(rewrite));
        }
        return copy;
    }
}
