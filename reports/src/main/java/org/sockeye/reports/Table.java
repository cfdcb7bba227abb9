package org.sockeye.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A rectangular table: named columns and rows of values (String, Number or Boolean). */
public final class Table {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public Table(String... columns) {
        this(List.of(columns));
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Appends a row; it must have one value per column. */
    public Table addRow(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(Collections.unmodifiableList(new ArrayList<>(List.of(values))));
        return this;
    }

    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return i;
    }

    public int size() {
        return rows.size();
    }
}
