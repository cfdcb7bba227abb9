package org.sockeye.config;

import java.util.Collection;
import java.util.Locale;

/** Suggests the closest known word for a misspelt one. */
final class DidYouMean {
    /** Edits allowed for words of up to 4 characters; longer words allow 2 ("rate" must not suggest "name"). */
    private static final int SHORT_WORD = 4;
    private static final int MIN_COMMON_PREFIX = 3;

    private DidYouMean() {
    }

    /** {@code " (did you mean 'x'?)"}, or "" when nothing is close enough. */
    static String suffix(String word, Collection<String> candidates) {
        String best = closest(word, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /**
     * The candidate at the smallest edit distance (case-insensitive, a swap of two neighbours
     * counting as one edit) if it is at most 1 for short words and 2 for longer ones, else the
     * one sharing the longest common prefix of at least 3 characters, else null. Ties go to the
     * first candidate, so results are deterministic for ordered collections.
     */
    static String closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int maxDistance = w.length() <= SHORT_WORD ? 1 : 2;
        if (best != null && bestDistance <= maxDistance && bestDistance < Math.max(w.length(), 1)) {
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

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
