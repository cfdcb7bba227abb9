package org.sockeye.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every application type by its YAML name: one registration line per family of applications. */
final class AppTypes {
    static final Map<String, AppType> ALL = build();

    private AppTypes() {
    }

    private static Map<String, AppType> build() {
        Map<String, AppType> m = new LinkedHashMap<>();
        TrafficAppTypes.register(m);
        RequestResponseAppTypes.register(m);
        m.put("java", new JavaAppType());
        HttpAppTypes.register(m);
        return Collections.unmodifiableMap(m);
    }
}
