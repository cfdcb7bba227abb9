package org.sockeye.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code type: java}: a user's application class with free-form string arguments. */
final class JavaAppType implements AppType {
    @Override
    public Set<String> keys() {
        return Set.of("class", "args");
    }

    @Override
    public AppSpec bind(AppCommon c, MapFields f, ApplicationBinder b) {
        YamlScalar cls = f.requiredScalar("class");
        if (cls != null) {
            List<String> problems = new ArrayList<>();
            UserClasses.applicationClass(cls.text(), problems);
            problems.forEach(p -> b.errors().at(cls, p));
        }
        Map<String, String> args = new LinkedHashMap<>();
        YamlNode argsNode = f.node("args");
        if (argsNode != null) {
            YamlMap m = b.values().map(argsNode, "args");
            if (m != null) {
                for (YamlMap.Entry e : m.entries()) {
                    if (e.value() instanceof YamlScalar s) {
                        args.put(e.key().text(), s.text());
                    } else {
                        b.errors().at(e.value(), "args." + e.key().text() + " must be a single value, got "
                                + e.value().kindName());
                    }
                }
            }
        }
        return new JavaAppSpec(c.name(), c.node(), c.startPs(), c.stopPs(), cls == null ? "" : cls.text(),
                Map.copyOf(args));
    }
}
