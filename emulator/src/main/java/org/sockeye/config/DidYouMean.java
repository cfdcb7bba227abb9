package org.sockeye.config;

import java.util.Collection;
import java.util.Locale;

/** Suggests the closest known word for a misspelt one. */
final class DidYouMean {
    private static final int MAX_DISTANCE = 2;
    private static final int MIN_COMMON_PREFIX = 3;

    private DidYouMean() {
    }

    /** {@code " (did you mean 'x'?)"}, or "" when nothing is close enough. */
    static String suffix(String word, Collection<String> candidates) {
        String best = closest(word, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /**
     * The candidate at the smallest edit distance (case-insensitive) if it is at most 2, else the
     * one sharing the longest common prefix of at least 3 characters, else null. Ties go to the
     * first candidate, so results are deterministic for ordered collections.
     */
    static String closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = levenshtein(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best != null && bestDistance <= MAX_DISTANCE && bestDistance < Math.max(w.length(), 1)) {
            return best;
        }
        String byPrefix = null;
        int bestPrefix = MIN_COMMON_PREFIX - 1;
        for (String c : candidates) {
            int p = commonPrefix(w, c.toLowerCase(Locale.ROOT));
            if (p > bestPrefix) {
                bestPrefix = p;
                byPrefix = c;
            }
        }
        return byPrefix;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
