package org.sockeye.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A YAML sequence. */
final class YamlList extends YamlNode {
    private final List<YamlNode> items = new ArrayList<>();

    YamlList(int line, int column) {
        super(line, column);
    }

    /** The items, mutable (overrides and expansion edit the tree in place). */
    List<YamlNode> items() {
        return items;
    }

    @Override
    String kindName() {
        return "a list";
    }

    @Override
    YamlList rewriteScalars(Function<YamlScalar, String> rewrite) {
        YamlList copy = new YamlList(line(), column());
        for (YamlNode item : items) {
            copy.items.add(item.rewriteScalars(rewrite));
        }
        return copy;
    }
}
