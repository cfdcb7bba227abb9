package org.sockeye.config;

import java.util.function.Function;

/** A scalar; YAML types are not kept: every scalar is read as text and converted by the binder. */
final class YamlScalar extends YamlNode {
    private final String text; // null for YAML null (`~`, `null` or nothing)

    YamlScalar(String text, int line, int column) {
        super(line, column);
        this.text = text;
    }

    boolean isNull() {
        return text == null;
    }

    /** The text, "" for null. */
    String text() {
        return text == null ? "" : text;
    }

    @Override
    String kindName() {
        return "a scalar";
    }

    @Override
    YamlScalar rewriteScalars(Function<YamlScalar, String> rewrite) {
        return isNull() ? this : new YamlScalar(rewrite.apply(this), line(), column());
    }

    @Override
    public String toString() {
        return text();
    }
}
