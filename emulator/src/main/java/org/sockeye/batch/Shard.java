package org.sockeye.batch;

import org.sockeye.config.MetricSpec;
import org.sockeye.config.SweepSpec;

import java.util.Map;

/**
 * Which slice of a sweep this process runs: {@code index} (0-based) of {@code count}.
 *
 * <p>Taken from {@code --shard I/N} when given; otherwise from a Slurm array job
 * ({@code SLURM_ARRAY_TASK_ID} minus {@code SLURM_ARRAY_TASK_MIN}, of
 * {@code SLURM_ARRAY_TASK_COUNT}) or a Kubernetes Indexed Job ({@code JOB_COMPLETION_INDEX}, of
 * {@code SOCKEYE_SHARD_COUNT}, which the Job manifest sets to its completions); else the whole
 * sweep.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public static Shard parse(String text) {
        String[] p = text.split("/", -1);
        try {
            if (p.length == 2) {
                Shard s = new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
                if (s.count >= 1 && s.index >= 0 && s.index < s.count) {
                    return s;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--shard takes I/N with 0 <= I < N, e.g. 0/4; got '" + text + "'");
    }

    public static Shard fromEnvironment(Map<String, String> env) {
        String slurmId = env.get("SLURM_ARRAY_TASK_ID");
        String slurmCount = env.get("SLURM_ARRAY_TASK_COUNT");
        if (slurmId != null && slurmCount != null) {
            int min = Integer.parseInt(env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0"));
            return parse((Integer.parseInt(slurmId) - min) + "/" + slurmCount);
        }
        String k8sIndex = env.get("JOB_COMPLETION_INDEX");
        if (k8sIndex != null) {
            String count = env.get("SOCKEYE_SHARD_COUNT");
            if (count == null) {
                throw new IllegalArgumentException(
                        "JOB_COMPLETION_INDEX is set but SOCKEYE_SHARD_COUNT is not: set it to the Job's completions");
            }
            return parse(k8sIndex + "/" + count);
        }
        return ALL;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
