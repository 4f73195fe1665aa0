package dev.agenttraces.traces.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void smallAmountsKeepFourSignificantDigits() {
        assertThat(Formats.money(new BigDecimal("0.0123"))).isEqualTo("$0.0123");
        assertThat(Formats.money(new BigDecimal("0.000012345"))).isEqualTo("$0.00001235");
        assertThat(Formats.money(new BigDecimal("0.5"))).isEqualTo("$0.50");
        assertThat(Formats.money(new BigDecimal("0.123456000000"))).isEqualTo("$0.1235");
    }

    @Test
    void largerAmountsHaveCentsAndSeparators() {
        assertThat(Formats.money(new BigDecimal("1234.567"))).isEqualTo("$1,234.57");
        assertThat(Formats.money(new BigDecimal("1"))).isEqualTo("$1.00");
        assertThat(Formats.money(BigDecimal.ZERO)).isEqualTo("$0.00");
        assertThat(Formats.money(new BigDecimal("-0.25"))).isEqualTo("-$0.25");
    }

    @Test
    void unpricedIsNeverZero() {
        assertThat(Formats.money(null)).isEqualTo("unpriced");
        assertThat(Formats.total(BigDecimal.ZERO, 3)).isEqualTo("unpriced");
        assertThat(Formats.total(new BigDecimal("0.02"), 1)).isEqualTo("$0.02+");
        assertThat(Formats.total(new BigDecimal("0.02"), 0)).isEqualTo("$0.02");
    }

    @Test
    void tokensAndDurationsRead() {
        assertThat(Formats.tokens(1_234_567)).isEqualTo("1,234,567");
        assertThat(Formats.tokenSum(new java.math.BigInteger("10000000000000000000")))
                .as("two traces of 5e18 tokens: more than a long holds").isEqualTo("10,000,000,000,000,000,000");
        assertThat(Formats.duration(350L)).isEqualTo("350 ms");
        assertThat(Formats.duration(4_200L)).isEqualTo("4.2 s");
        assertThat(Formats.duration(185_000L)).isEqualTo("3m 05s");
        assertThat(Formats.duration(3_720_000L)).isEqualTo("1h 02m");
        assertThat(Formats.duration(null)).isEqualTo("–");
    }

    /** EL picks a method by name and argument count; with a null argument two overloads are "ambiguous", a 500. */
    @Test
    void eachFormatThePagesCallWithAMaybeNullValueHasOneMethod() {
        for (String name : new String[] {"duration", "tokens"}) {
            assertThat(java.util.Arrays.stream(Formats.class.getMethods()).filter(m -> m.getName().equals(name)))
                    .as(name).hasSize(1);
        }
    }

    @Test
    void percentIsCappedAndSafe() {
        assertThat(Formats.percent(new BigDecimal("0.71"), BigDecimal.ONE)).isEqualTo(71);
        assertThat(Formats.percent(new BigDecimal("3"), BigDecimal.ONE)).isEqualTo(100);
        assertThat(Formats.percent(BigDecimal.ONE, BigDecimal.ZERO)).isZero();
    }
}
