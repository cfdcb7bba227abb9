package org.sockeye.config;

import java.util.List;
import java.util.Map;

/**
 * One experiment, as loaded and validated from YAML. Every quantity is already in base units:
 * times in picoseconds, rates in bits per second, sizes in bytes.
 *
 * @param source the YAML text the experiment was loaded from (after --set overrides), for the
 *     report; never null
 * @param parameters the {@code parameters:} block after overrides, by name
 */
public record ExperimentSpec(
        String name,
        String description,
        long durationPs,
        long seed,
        Map<String, String> parameters,
        List<NodeSpec> nodes,
        List<LinkSpec> links,
        List<AppSpec> applications,
        RecordSpec record,
        String source) {
}
