package org.sockeye.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set path=value} overrides to the raw tree, before parameter substitution and
 * {@code count} expansion. A path is dot-separated keys; in a list, an element is addressed by
 * its {@code name} (or, for a link without one, its default {@code a-b} name) or by {@code [index]}:
 * {@code links.bottleneck.rate=10Mbps}, {@code links[2].delay=5ms}, {@code parameters.flows=16}.
 * The value is read as YAML, so {@code loss={model: bernoulli, rate: 0.1}} works. Missing map keys
 * are added (the binder then validates them as usual).
 */
final class Overrides {
    /** One path step: a key / element name, or a list index. */
    private record Step(String name, int index) {
        boolean isIndex() {
            return name == null;
        }

        @Override
        public String toString() {
            return isIndex() ? "[" + index + "]" : name;
        }
    }

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)?((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final ConfigErrors errors;

    Overrides(ConfigErrors errors) {
        this.errors = errors;
    }

    void apply(YamlMap root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            errors.commandLine("--set " + override + ": expected path=value, e.g. links.bottleneck.rate=10Mbps");
            return;
        }
        String path = override.substring(0, eq).strip();
        String prefix = "--set " + path + ": ";
        List<Step> steps = parsePath(path);
        if (steps == null) {
            errors.commandLine(prefix + "malformed path (expected e.g. links.bottleneck.rate or links[2].delay)");
            return;
        }
        YamlNode value = parseValue(override.substring(eq + 1), prefix);
        if (value == null) {
            return;
        }
        YamlNode cur = root;
        String where = "the document";
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (cur instanceof YamlMap map) {
                if (step.isIndex()) {
                    errors.commandLine(prefix + where + " is a map, not a list");
                    return;
                }
                YamlMap.Entry entry = map.entry(step.name());
                if (last) {
                    YamlScalar key = entry != null ? entry.key() : new YamlScalar(step.name(), 0, 0);
                    map.put(key, value);
                    return;
                }
                if (entry == null) {
                    if (steps.get(i + 1).isIndex() || ExperimentBinder.LIST_KEYS.contains(step.name())) {
                        errors.commandLine(prefix + "there is no '" + step.name() + "' in " + where);
                        return;
                    }
                    YamlMap created = new YamlMap(0, 0);
                    map.put(new YamlScalar(step.name(), 0, 0), created);
                    cur = created;
                } else {
                    cur = entry.value();
                }
                where = "'" + step.name() + "'";
            } else if (cur instanceof YamlList list) {
                int index = step.isIndex() ? step.index() : indexByName(list, step.name(), where, prefix);
                if (index < 0) {
                    return;
                }
                if (index >= list.items().size()) {
                    errors.commandLine(prefix + "index " + index + " is out of range (" + where + " has "
                            + list.items().size() + " elements)");
                    return;
                }
                if (last) {
                    list.items().set(index, value);
                    return;
                }
                cur = list.items().get(index);
                where = step.isIndex() ? where + "[" + index + "]" : "'" + step.name() + "'";
            } else {
                errors.commandLine(prefix + where + " is a single value, it has no '" + step + "'");
                return;
            }
        }
    }

    /** The index of the element named {@code name}, or -1 after reporting an error. */
    private int indexByName(YamlList list, String name, String where, String prefix) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String n = elementName(list.items().get(i));
            if (name.equals(n)) {
                return i;
            }
            if (n != null) {
                names.add(n);
            }
        }
        errors.commandLine(prefix + "no " + singular(where) + " named '" + name + "'" + DidYouMean.suffix(name, names));
        return -1;
    }

    /** The element's name: its {@code name}, or for a link without one, the default "a-b". */
    private static String elementName(YamlNode element) {
        if (!(element instanceof YamlMap map)) {
            return null;
        }
        if (map.get("name") instanceof YamlScalar s) {
            return s.text();
        }
        if (map.get("endpoints") instanceof YamlList ends && ends.items().size() == 2
                && ends.items().get(0) instanceof YamlScalar a && ends.items().get(1) instanceof YamlScalar b) {
            return a.text() + "-" + b.text();
        }
        return null;
    }

    /** "'links'" -> "link", for messages. */
    private static String singular(String where) {
        String w = where.replace("'", "");
        int bracket = w.indexOf('[');
        if (bracket >= 0) {
            return "element";
        }
        return w.endsWith("s") ? w.substring(0, w.length() - 1) : "element";
    }

    private YamlNode parseValue(String text, String prefix) {
        if (text.isBlank()) {
            return new YamlScalar(text.strip(), 0, 0);
        }
        ConfigErrors valueErrors = new ConfigErrors(ConfigError.COMMAND_LINE);
        YamlNode value = new YamlTreeReader(valueErrors, true).read(text);
        for (ConfigError e : valueErrors.sorted()) {
            errors.commandLine(prefix + e.message());
        }
        return valueErrors.isEmpty() ? value : null;
    }

    /** The steps of a path, or null if malformed. */
    private static List<Step> parsePath(String path) {
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (part.isEmpty() || !m.matches() || (m.group(1) == null && steps.isEmpty())) {
                return null;
            }
            if (m.group(1) != null) {
                steps.add(new Step(m.group(1), -1));
            }
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                try {
                    steps.add(new Step(null, Integer.parseInt(idx.group(1))));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return steps;
    }
}
