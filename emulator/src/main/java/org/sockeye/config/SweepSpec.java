package org.sockeye.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A sweep: a base experiment, parameters to vary (each a {@code --set} path and its values),
 * repetitions with independent seeds, and the metrics to summarise.
 *
 * @param parameters path to its values, in declaration order
 * @param charts charts asked for explicitly (metric against parameter, log axes, model curves); every
 *     metric is also drawn against every parameter that varies
 * @param source the sweep file's text, copied into the batch output
 * @param zip true: the i-th values of all parameters go together; false: the full grid
 */
public record SweepSpec(String name, Path experiment, long seed, int repetitions, boolean zip,
        LinkedHashMap<String, List<String>> parameters, List<MetricSpec> metrics, List<SweepChartSpec> charts,
        String source) {
}
