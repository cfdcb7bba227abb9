package org.sockeye.config;

import java.util.List;

/**
 * A chart of a sweep: a metric's mean (with its 95 % interval) against a parameter, optionally one
 * line per value of another parameter, log axes, and analytic model curves.
 *
 * @param curves model names ({@code mathis}, {@code padhye}) drawn over the measured points
 * @param model the model inputs: MSS in bytes, RTT and RTO in seconds, b (segments per ACK)
 */
public record SweepChartSpec(String metric, String x, String groupBy, boolean logX, boolean logY,
        List<String> curves, TcpModelInputs model) {

    /** Inputs of the TCP throughput models. */
    public record TcpModelInputs(double mssBytes, double rttSeconds, double b, double rtoSeconds) {
    }
}
