package dev.agenttraces.traces.ingest.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionRulesTest {

    @Test
    void defaultsRunWhenNothingIsConfigured() {
        RedactionRules.Built built = RedactionRules.build(true, "", "");
        assertEquals(RedactionDefaults.ALL.size(), built.redactor().patterns().size());
        assertTrue(built.problems().isEmpty());
    }

    @Test
    void switchedOffRedactsNothing() {
        RedactionRules.Built built = RedactionRules.build(false, "", "ticket=TCK-[0-9]{4}");
        assertFalse(built.redactor().isActive());
        assertEquals("AKIAIOSFODNN7EXAMPLE", built.redactor().redact("AKIAIOSFODNN7EXAMPLE").text());
    }

    @Test
    void aDefaultCanBeSwitchedOffByName() {
        Redactor r = RedactionRules.build(true, " email , JWT", "").redactor();
        assertEquals("ada@example.com", r.redact("ada@example.com").text());
        assertEquals("[REDACTED:api-key]", r.redact("AKIAIOSFODNN7EXAMPLE").text());
        assertTrue(r.patterns().stream().noneMatch(p -> p.name().equals("jwt")));
    }

    @Test
    void extraPatternsRunAfterTheDefaultsAndMayMaskOneGroup() {
        Redactor r = RedactionRules.build(true, "", "ticket=TCK-[0-9]{4}+; pin=pin\\;\\s?(?<secret>[0-9]{4})").redactor();
        assertEquals("see [REDACTED:ticket], pin; [REDACTED:pin]", r.redact("see TCK-1234, pin; 9876").text());
    }

    @Test
    void badEntriesAreReportedAndLeftOut() {
        RedactionRules.Built built = RedactionRules.build(true, "emails", "broken=([a-z;=novalue;ok=x{3}");
        assertEquals(RedactionDefaults.ALL.size() + 1, built.redactor().patterns().size());
        assertEquals(3, built.problems().size(), built.problems().toString());
    }
}
