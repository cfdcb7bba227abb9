package org.sockeye.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nodes bound so far, by name, with where each name was written (for later errors). */
final class NodeTable {
    private final Map<String, NodeSpec> byName = new LinkedHashMap<>();
    private final Map<String, YamlScalar> namePositions = new LinkedHashMap<>();

    void add(NodeSpec node, YamlScalar nameNode, ConfigErrors errors) {
        YamlScalar first = namePositions.get(node.name());
        if (first != null) {
            errors.at(nameNode, "duplicate node name '" + node.name() + "'" + firstAt(first));
            return;
        }
        byName.put(node.name(), node);
        namePositions.put(node.name(), nameNode);
    }

    NodeSpec get(String name) {
        return byName.get(name);
    }

    Set<String> names() {
        return byName.keySet();
    }

    List<NodeSpec> specs() {
        return List.copyOf(byName.values());
    }

    /**
     * Reports every node that cannot be reached from the first node over {@code graph} (node name
     * to neighbour names): traffic could never reach it, which is almost always a typo.
     */
    void reportUnreachable(Map<String, List<String>> graph, ConfigErrors errors) {
        if (byName.isEmpty()) {
            return;
        }
        String first = byName.keySet().iterator().next();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        seen.add(first);
        todo.add(first);
        while (!todo.isEmpty()) {
            for (String next : graph.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        for (String name : new ArrayList<>(byName.keySet())) {
            if (!seen.contains(name)) {
                errors.at(namePositions.get(name), "node '" + name + "' is not connected to node '" + first + "'");
            }
        }
    }

    /** " (first at line N)", or "" when the first one came from the command line. */
    static String firstAt(YamlNode first) {
        return first.line() > 0 ? " (first at line " + first.line() + ")" : "";
    }
}
