package org.sockeye.config;

/** A random or fixed duration: {@code 100ms} (fixed) or {@code exp(100ms)} (exponential, mean 100 ms). */
public record PeriodSpec(Distribution distribution, long meanPs) {
    public enum Distribution { FIXED, EXPONENTIAL }
}
