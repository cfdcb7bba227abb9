package org.sockeye.reports.charts;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed colours for subjects (flows or link directions), indexed by the subject's order, so a flow
 * has the same colour in every chart of a report and across reports of the same experiment.
 * Aliases (a flow's name and its application's name) share one colour.
 */
public final class Palette {
    /**
     * Nine colours distinguishable on white (the "tab10" set without its red, which is kept for
     * drops and retransmissions so those never read as a flow).
     */
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22),
        new Color(0x7f7f7f),
    };

    /** Marks losses: drops and retransmissions. */
    public static final Color LOSS = new Color(0xd62728);
    /** Marks retransmission timeouts. */
    public static final Color TIMEOUT = Color.BLACK;
    /** Slow-start background shading. */
    public static final Color SLOW_START = new Color(0xfff1c9);
    public static final Color GRID = new Color(0xdddddd);
    public static final Color NEUTRAL = new Color(0x444444);

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private int next;

    /** Registers a subject and its aliases under the next colour, unless already registered. */
    public Palette register(String subject, String... aliases) {
        Integer i = index.get(subject);
        if (i == null) {
            for (String a : aliases) {
                i = index.get(a);
                if (i != null) {
                    break;
                }
            }
        }
        if (i == null) {
            i = next++;
        }
        index.putIfAbsent(subject, i);
        for (String a : aliases) {
            if (a != null && !a.isEmpty()) {
                index.putIfAbsent(a, i);
            }
        }
        return this;
    }

    public Palette registerAll(List<String> subjects) {
        subjects.forEach(this::register);
        return this;
    }

    /** The subject's colour; an unregistered subject is registered now (after all known ones). */
    public Color colour(String subject) {
        if (!index.containsKey(subject)) {
            register(subject);
        }
        return COLOURS[index.get(subject) % COLOURS.length];
    }

    /**
     * How many times the colours have wrapped round before this subject (0 for the first nine):
     * charts draw later cycles dashed so two flows of one colour on one plot still differ.
     */
    public int cycle(String subject) {
        colour(subject);
        return index.get(subject) / COLOURS.length;
    }

    /** The colour with the given palette index. */
    public static Color colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    public static int size() {
        return COLOURS.length;
    }
}
