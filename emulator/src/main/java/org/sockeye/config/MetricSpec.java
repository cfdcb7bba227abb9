package org.sockeye.config;

import java.util.List;
import java.util.Map;

/**
 * One number extracted from a run's results directory.
 *
 * <p>Written {@code flows.throughput_bps.sum} (table, column, aggregate over rows),
 * {@code flows[cbr].throughput_bps} (the row whose first column is {@code cbr}) or
 * {@code run.events_per_s} (a field of run.json). Aggregates: sum, mean, min, max, count and
 * jain (Jain's fairness index, (Σx)² / (n·Σx²)).
 */
public record MetricSpec(String name, String table, String row, String column, Aggregate aggregate) {
    public enum Aggregate { VALUE, SUM, MEAN, MIN, MAX, COUNT, JAIN }

    public static final List<String> TABLES = List.of("flows", "links", "hosts", "apps", "run");

    /** Parses the written form; throws IllegalArgumentException with a message for people. */
    public static MetricSpec parse(String name, String text) {
        String s = text.trim();
        int dot = s.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("metric '" + text + "': expected table.column[.aggregate], e.g. "
                    + "flows.throughput_bps.sum");
        }
        String tablePart = s.substring(0, dot);
        String rest = s.substring(dot + 1);
        String row = null;
        int bracket = tablePart.indexOf('[');
        if (bracket >= 0) {
            if (!tablePart.endsWith("]")) {
                throw new IllegalArgumentException("metric '" + text + "': unclosed '['");
            }
            row = tablePart.substring(bracket + 1, tablePart.length() - 1);
            tablePart = tablePart.substring(0, bracket);
        }
        if (!TABLES.contains(tablePart)) {
            throw new IllegalArgumentException("metric '" + text + "': unknown table '" + tablePart + "' (expected one of "
                    + TABLES + ")");
        }
        String column = rest;
        Aggregate agg = Aggregate.VALUE;
        int lastDot = rest.lastIndexOf('.');
        if (lastDot >= 0) {
            String maybe = rest.substring(lastDot + 1).toUpperCase();
            for (Aggregate a : Aggregate.values()) {
                if (a != Aggregate.VALUE && a.name().equals(maybe)) {
                    agg = a;
                    column = rest.substring(0, lastDot);
                }
            }
        }
        if (tablePart.equals("run") || row != null) {
            if (agg != Aggregate.VALUE) {
                throw new IllegalArgumentException("metric '" + text + "': a single value takes no aggregate");
            }
        } else if (agg == Aggregate.VALUE) {
            throw new IllegalArgumentException("metric '" + text + "': choose a row (flows[name].column) or an "
                    + "aggregate (.sum, .mean, .min, .max, .count, .jain)");
        }
        return new MetricSpec(name, tablePart, row, column, agg);
    }

    /** Computes the metric over a table's rows (column values by name) or run.json's fields. */
    public double evaluate(List<Map<String, String>> rows) {
        if (row != null) {
            for (Map<String, String> r : rows) {
                if (row.equals(r.values().iterator().next()) || row.equals(r.get("subject"))) {
                    return number(r);
                }
            }
            throw new IllegalStateException("no row '" + row + "' in " + table + ".csv");
        }
        if (aggregate == Aggregate.VALUE) {
            if (rows.isEmpty()) {
                throw new IllegalStateException("no " + column + " in run.json");
            }
            return number(rows.get(0));
        }
        double sum = 0;
        double sumSq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Map<String, String> r : rows) {
            double x = number(r);
            sum += x;
            sumSq += x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
            n++;
        }
        return switch (aggregate) {
            case SUM -> sum;
            case MEAN -> n == 0 ? Double.NaN : sum / n;
            case MIN -> min;
            case MAX -> max;
            case COUNT -> n;
            case JAIN -> sumSq == 0 ? Double.NaN : sum * sum / (n * sumSq);
            case VALUE -> throw new AssertionError();
        };
    }

    private double number(Map<String, String> r) {
        String v = r.get(column);
        if (v == null) {
            throw new IllegalStateException("no column '" + column + "' in " + table);
        }
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}
