package org.sockeye.reports.series;

import java.util.Arrays;

/** A growable array of primitive doubles, so loading millions of samples boxes nothing. */
final class DoubleList {
    private double[] data = new double[64];
    private int size;

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
