package org.sockeye.config;

import java.util.regex.Pattern;

/**
 * Writes a {@link YamlNode} tree back as block-style YAML (for {@link ExperimentSpec#source()}
 * after {@code --set} overrides). Comments are lost; values keep their text.
 */
final class YamlWriter {
    // Scalars that YAML reads back as the same plain text: no indicator at the start, no ": " or
    // " #" inside, no trailing blank.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.$/(+~][A-Za-z0-9_.:/(){}$+~@%\\-]*"
            + "(?: [A-Za-z0-9_.:/(){}$+~@%\\-]+)*");

    private YamlWriter() {
    }

    static String write(YamlNode root) {
        StringBuilder out = new StringBuilder();
        if (root instanceof YamlScalar s) {
            out.append(scalar(s)).append('\n');
        } else {
            block(root, 0, out);
        }
        return out.toString();
    }

    /** Writes a map or list whose first line starts at the current position, indented by {@code indent}. */
    private static void block(YamlNode node, int indent, StringBuilder out) {
        if (node instanceof YamlMap map) {
            boolean first = true;
            for (YamlMap.Entry e : map.entries()) {
                if (!first) {
                    out.append(" ".repeat(indent));
                }
                first = false;
                out.append(key(e.key().text())).append(':');
                value(e.value(), indent, out);
            }
        } else if (node instanceof YamlList list) {
            boolean first = true;
            for (YamlNode item : list.items()) {
                if (!first) {
                    out.append(" ".repeat(indent));
                }
                first = false;
                out.append("- ");
                if (isEmptyCollection(item) || item instanceof YamlScalar) {
                    out.append(inline(item)).append('\n');
                } else {
                    block(item, indent + 2, out);
                }
            }
        }
    }

    /** After "key:", writes the value inline or as an indented block on the next lines. */
    private static void value(YamlNode value, int indent, StringBuilder out) {
        if (value instanceof YamlScalar || isEmptyCollection(value)) {
            out.append(' ').append(inline(value)).append('\n');
        } else {
            out.append('\n').append(" ".repeat(indent + 2));
            block(value, indent + 2, out);
        }
    }

    private static boolean isEmptyCollection(YamlNode node) {
        return node instanceof YamlMap m && m.entries().isEmpty()
                || node instanceof YamlList l && l.items().isEmpty();
    }

    private static String inline(YamlNode node) {
        if (node instanceof YamlMap) {
            return "{}";
        }
        if (node instanceof YamlList) {
            return "[]";
        }
        return scalar((YamlScalar) node);
    }

    private static String key(String text) {
        return quoteIfNeeded(text);
    }

    private static String scalar(YamlScalar s) {
        return s.isNull() ? "null" : quoteIfNeeded(s.text());
    }

    static String quoteIfNeeded(String text) {
        if (PLAIN.matcher(text).matches() && !text.endsWith(":") && !text.contains(": ") && !text.equals("null") && !text.equals("~")) {
            return text;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
