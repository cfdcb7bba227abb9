package org.sockeye.sim;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Independent named random streams derived from one experiment seed.
 *
 * <p>Each stream is seeded from a hash of (experiment seed, stream name), not from a shared
 * sequence, so adding, removing or reordering streams never changes what another stream draws:
 * the loss pattern on link "a-b" is the same whether or not an on/off source was added elsewhere.
 */
public final class RandomStreams {
    private final long seed;
    private final Map<String, RandomGenerator> streams = new HashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream with this name, created on first use. */
    public RandomGenerator stream(String name) {
        return streams.computeIfAbsent(name, this::create);
    }

    private RandomGenerator create(String name) {
        int[] key = new int[8];
        for (int block = 0; block < 2; block++) {
            Hasher h = Hashing.sha256().newHasher();
            h.putLong(seed).putInt(block).putString(name, StandardCharsets.UTF_8);
            byte[] digest = h.hash().asBytes();
            for (int k = 0; k < 4; k++) {
                int o = k * 4;
                key[block * 4 + k] = (digest[o] & 0xff) << 24 | (digest[o + 1] & 0xff) << 16
                        | (digest[o + 2] & 0xff) << 8 | (digest[o + 3] & 0xff);
            }
        }
        return new Well19937c(key);
    }
}
