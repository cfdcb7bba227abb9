package org.sockeye.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands list elements with {@code count: n} into n copies (of nodes, links and applications),
 * replacing {@code {i}} with 0..n-1 in every string value of the copy. Copies keep the original
 * positions, so errors point at the line the user wrote.
 */
final class CountExpansion {
    static final String KEY = "count";
    static final String INDEX_PLACEHOLDER = "{i}";
    /** Guards against a typo such as {@code count: 1000000000} exhausting memory. */
    static final int MAX_COUNT = 100_000;

    private final ConfigErrors errors;

    CountExpansion(ConfigErrors errors) {
        this.errors = errors;
    }

    void expand(YamlMap root) {
        for (String key : ExperimentBinder.LIST_KEYS) {
            if (root.get(key) instanceof YamlList list) {
                List<YamlNode> expanded = new ArrayList<>();
                for (YamlNode item : list.items()) {
                    expandInto(item, expanded);
                }
                list.items().clear();
                list.items().addAll(expanded);
            }
        }
    }

    private void expandInto(YamlNode item, List<YamlNode> out) {
        if (!(item instanceof YamlMap map) || !map.containsKey(KEY)) {
            out.add(item);
            return;
        }
        int n = count(map.get(KEY));
        for (int i = 0; i < n; i++) {
            String index = Integer.toString(i);
            YamlMap copy = map.rewriteScalars(s -> s.text().replace(INDEX_PLACEHOLDER, index));
            copy.remove(KEY);
            out.add(copy);
        }
    }

    /** The count, or 0 after reporting an error (the element is then left out). */
    private int count(YamlNode node) {
        if (node instanceof YamlScalar s && s.text().strip().matches("\\d{1,9}")) {
            int n = Integer.parseInt(s.text().strip());
            if (n <= MAX_COUNT) {
                return n;
            }
            errors.at(node, "count " + n + " is too large (at most " + MAX_COUNT + ")");
            return 0;
        }
        errors.at(node, "count must be a non-negative integer, got " + MapFields.describe(node));
        return 0;
    }
}
