package org.sockeye.config;

import java.util.Set;

/**
 * How one application type is written in YAML: the keys it takes beyond the common ones (name,
 * type, node, start, stop, count) and how they become its spec. Registered in {@link AppTypes}.
 */
interface AppType {
    /** The type's own keys. */
    Set<String> keys();

    /**
     * Binds the type's keys of {@code f}; the common ones are already in {@code common}. Errors are
     * reported through {@code b}; the result may then be a placeholder (it is discarded).
     */
    AppSpec bind(AppCommon common, MapFields f, ApplicationBinder b);
}
