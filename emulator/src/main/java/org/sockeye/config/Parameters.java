package org.sockeye.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code parameters:} block and {@code ${name}} substitution. Substitution happens on the raw
 * tree, after overrides and before {@code count} expansion and binding, in every scalar value
 * outside the block itself (so {@code count: ${flows}} works).
 */
final class Parameters {
    static final String KEY = "parameters";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final ConfigErrors errors;

    Parameters(ConfigErrors errors) {
        this.errors = errors;
    }

    /** Reads and checks the block; returns name -> value text, in document order. */
    Map<String, String> read(YamlMap root) {
        Map<String, String> params = new LinkedHashMap<>();
        YamlNode block = root.get(KEY);
        if (block == null) {
            return Collections.unmodifiableMap(params);
        }
        if (!(block instanceof YamlMap map)) {
            errors.at(block, "parameters must be a map of name: value, got " + block.kindName());
            return Collections.unmodifiableMap(params);
        }
        for (YamlMap.Entry e : map.entries()) {
            String name = e.key().text();
            if (!NAME.matcher(name).matches()) {
                errors.at(e.key(), "parameter name '" + name + "' must match " + NAME.pattern());
            } else if (!(e.value() instanceof YamlScalar s)) {
                errors.at(e.value(), "parameter '" + name + "' must be a single value, got " + e.value().kindName());
            } else {
                params.put(name, s.text());
            }
        }
        return Collections.unmodifiableMap(params);
    }

    /** A copy of {@code root} with every {@code ${name}} replaced; unknown names are errors at the use site. */
    YamlMap substitute(YamlMap root, Map<String, String> params) {
        YamlMap out = new YamlMap(root.line(), root.column());
        for (YamlMap.Entry e : root.entries()) {
            YamlNode value = e.key().text().equals(KEY) ? e.value()
                    : e.value().rewriteScalars(s -> substitute(s, params));
            out.put(e.key(), value);
        }
        return out;
    }

    private String substitute(YamlScalar scalar, Map<String, String> params) {
        String text = scalar.text();
        int start = text.indexOf("${");
        if (start < 0) {
            return text; // the common case: no copy
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (start >= 0) {
            int end = text.indexOf('}', start);
            if (end < 0) {
                errors.spoil(scalar, "unterminated '${' in '" + text + "'");
                return text;
            }
            String name = text.substring(start + 2, end);
            String value = params.get(name);
            if (value == null) {
                errors.spoil(scalar, "unknown parameter '" + name + "'" + DidYouMean.suffix(name, params.keySet()));
                value = "";
            }
            out.append(text, from, start).append(value);
            from = end + 1;
            start = text.indexOf("${", from);
        }
        return out.append(text, from, text.length()).toString();
    }
}
