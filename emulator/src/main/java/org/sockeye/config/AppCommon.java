package org.sockeye.config;

/** The keys every application has, already validated: its name, type, host and lifetime. */
record AppCommon(String name, String type, String node, long startPs, long stopPs) {
}
