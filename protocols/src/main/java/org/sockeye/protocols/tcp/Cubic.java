package org.sockeye.protocols.tcp;

/**
 * CUBIC (RFC 9438), the Linux default: window W(t) = C·(t − K)³ + W_max in segments, with
 * C = 0.4 and β = 0.7 (§4.1, §4.6), the Reno-friendly estimate W_est (§4.3), fast convergence
 * (§4.7) and target clamping to [cwnd, 1.5·cwnd] (§4.2). Time is measured from the first ACK in
 * congestion avoidance after a reduction (the "epoch").
 */
final class Cubic extends RenoFamily {
    static final double C = 0.4;
    static final double BETA = 0.7;
    /** RFC 9438 §4.3: α = 3(1 − β)/(1 + β) makes W_est match Reno's average rate. */
    private static final double ALPHA = 3 * (1 - BETA) / (1 + BETA);

    private double wMax;
    private double k;
    private double wEst;
    private double cwndPrior;
    private long epochStart = -1;
    private double residualBytes;

    @Override
    public String name() {
        return "cubic";
    }

    @Override
    protected void congestionAvoidance(long now, int ackedBytes, long srttPs) {
        double cwndSeg = (double) cwnd / smss;
        if (epochStart < 0) {
            epochStart = now;
            k = wMax > cwndSeg ? Math.cbrt((wMax - cwndSeg) / C) : 0; // §4.2 eq. 2 with cwnd_epoch
            if (wMax < cwndSeg) {
                wMax = cwndSeg; // no previous reduction: grow from the current window
            }
            wEst = cwndSeg;
        }
        double t = (now - epochStart) / 1e12;
        double rtt = srttPs / 1e12;
        double ackedSeg = (double) ackedBytes / smss;
        double alpha = wEst >= cwndPrior ? 1.0 : ALPHA; // §4.3: α becomes 1 past the prior window
        wEst += alpha * ackedSeg / cwndSeg;
        double target = wCubic(t + rtt);
        target = Math.max(cwndSeg, Math.min(target, 1.5 * cwndSeg));
        double next;
        if (wCubic(t) < wEst) {
            next = Math.max(cwndSeg, wEst); // §4.3 Reno-friendly region
        } else {
            next = cwndSeg + (target - cwndSeg) / cwndSeg * ackedSeg; // §4.4 concave / §4.5 convex
        }
        residualBytes += (next - cwndSeg) * smss;
        int whole = (int) residualBytes;
        cwnd += whole;
        residualBytes -= whole;
    }

    double wCubic(double t) {
        double d = t - k;
        return C * d * d * d + wMax;
    }

    @Override
    public void onCongestionEvent(long now, int flightSize) {
        double cwndSeg = (double) cwnd / smss;
        // §4.7 fast convergence: release bandwidth faster when the window keeps shrinking.
        wMax = cwndSeg < wMax ? cwndSeg * (1 + BETA) / 2 : cwndSeg;
        cwndPrior = cwndSeg;
        epochStart = -1;
        residualBytes = 0;
        super.onCongestionEvent(now, flightSize);
    }

    /** §4.6: ssthresh = β·cwnd (Linux uses cwnd, not FlightSize), at least 2 segments. */
    @Override
    protected int reducedSsthresh(int flightSize) {
        return Math.max((int) (cwnd * BETA), 2 * smss);
    }

    double wMax() {
        return wMax;
    }

    double k() {
        return k;
    }
}
