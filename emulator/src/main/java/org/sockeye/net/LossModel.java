package org.sockeye.net;

import org.apache.commons.math3.random.RandomGenerator;
import org.sockeye.config.LinkSpec;

/** Decides, packet by packet, whether a link direction loses a packet on the wire. */
public interface LossModel {
    /** Whether the next packet is lost. Draws from {@code rng} only if the model is random. */
    boolean lose(RandomGenerator rng);

    LossModel NONE = rng -> false;

    /** A fresh model (with its own state) for one link direction. */
    static LossModel of(LinkSpec.LossSpec spec) {
        if (spec instanceof LinkSpec.BernoulliLoss b) {
            double rate = b.rate();
            return rate <= 0 ? NONE : rng -> rng.nextDouble() < rate;
        }
        if (spec instanceof LinkSpec.GilbertElliottLoss ge) {
            return new GilbertElliott(ge.pGoodToBad(), ge.pBadToGood(), ge.lossGood(), ge.lossBad());
        }
        return NONE;
    }

    /**
     * Gilbert–Elliott two-state channel: the state decides this packet's loss probability, then
     * the chain steps. Starts in the good state.
     */
    final class GilbertElliott implements LossModel {
        private final double pGoodToBad;
        private final double pBadToGood;
        private final double lossGood;
        private final double lossBad;
        private boolean bad;

        GilbertElliott(double pGoodToBad, double pBadToGood, double lossGood, double lossBad) {
            this.pGoodToBad = pGoodToBad;
            this.pBadToGood = pBadToGood;
            this.lossGood = lossGood;
            this.lossBad = lossBad;
        }

        @Override
        public boolean lose(RandomGenerator rng) {
            double p = bad ? lossBad : lossGood;
            boolean lost = p > 0 && rng.nextDouble() < p;
            bad = rng.nextDouble() < (bad ? 1 - pBadToGood : pGoodToBad);
            return lost;
        }

        /** Stationary loss probability: πB·lossBad + πG·lossGood with πB = p / (p + r). */
        public double meanLoss() {
            double piBad = pGoodToBad / (pGoodToBad + pBadToGood);
            return piBad * lossBad + (1 - piBad) * lossGood;
        }
    }
}
