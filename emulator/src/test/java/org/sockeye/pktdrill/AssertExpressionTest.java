package org.sockeye.pktdrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AssertExpressionTest {
    private static final Map<String, Long> VARS = Map.of("tcpi_snd_cwnd", 10L, "tcpi_rto", 300000L,
            "tcpi_options", 6L, "TCPI_OPT_SACK", 2L, "TCP_CA_Open", 0L, "tcpi_ca_state", 0L);

    private static long eval(String e) {
        return AssertExpression.parse(e).root().eval(VARS::get);
    }

    @Test
    void arithmeticAndPrecedence() {
        assertEquals(14, eval("2 + 3 * 4"));
        assertEquals(20, eval("(2 + 3) * 4"));
        assertEquals(-3, eval("-7 // 3"));
        assertEquals(2, eval("-7 % 3"));
        assertEquals(1, eval("tcpi_rto / 1000 == 300"));
    }

    @Test
    void comparisonsChainAndBooleansShortCircuitInMeaning() {
        assertEquals(1, eval("5 < tcpi_snd_cwnd <= 10"));
        assertEquals(0, eval("5 < tcpi_snd_cwnd < 10"));
        assertEquals(1, eval("tcpi_snd_cwnd == 10 and not tcpi_rto < 1000 or False"));
        assertEquals(0, eval("not (tcpi_snd_cwnd == 10 && tcpi_ca_state == TCP_CA_Open)"));
        assertEquals(1, eval("tcpi_options & TCPI_OPT_SACK != 0"));
        assertEquals(1, eval("tcpi_snd_cwnd != 3 || 1 / 0"));
    }

    @Test
    void malformedOrUnknownIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AssertExpression.parse("tcpi_snd_cwnd =="));
        assertThrows(IllegalArgumentException.class, () -> AssertExpression.parse("(1 + 2"));
        assertThrows(IllegalArgumentException.class, () -> AssertExpression.parse("__import__('os')"));
        assertThrows(IllegalArgumentException.class, () -> AssertExpression.parse("tcpi_cwnd == 1"));
        assertThrows(ArithmeticException.class, () -> eval("1 % 0"));
    }
}
