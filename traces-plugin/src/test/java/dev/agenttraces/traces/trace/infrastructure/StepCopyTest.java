package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV rows {@link StepCopy} streams to PostgreSQL: NULL stays an unquoted empty field while the empty string is
 * quoted, quotes are doubled and nothing else is escaped, every column of {@link StepInsert#COLUMNS} is written in
 * its order, and instants are rounded to the microsecond half up, as PgJDBC rounds the batch insert's values.
 * (That PostgreSQL reads them back as sent is proven by the ingest suites, which write through COPY.)
 */
class StepCopyTest {

    private static final UUID TRACE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-12-02T09:59:58.123456Z");

    private static String row(StepInput step, BigDecimal cost) {
        StringBuilder out = new StringBuilder();
        StepCopy.append(out, TRACE, CREATED, step, "gpt-4o", cost, "h");
        return out.toString();
    }

    @Test
    void writesEveryColumnInOrderWithNullsUnquotedAndTextQuoted() {
        StepInput step = new StepInput(7, StepType.TOOL_CALL, "", "search", null, null, null,
                new TokenCounts(1, 2, 3, 4, 5), Instant.parse("2026-12-02T10:00:00Z"), 12L, 3, null, "s1", null, 2, "call_1");
        String row = row(step, new BigDecimal("0.000012500000"));
        assertThat(row).isEqualTo(TRACE + ",7,TOOL_CALL,\"\",\"search\",,,\"gpt-4o\",1,2,3,4,0.000012500000,"
                + "2026-12-02T10:00:00Z,12,\"h\",5,3,\"s1\",,,2,\"call_1\",2026-12-02T09:59:58.123456Z\n");
        assertThat(row.split(",", -1)).hasSize(StepInsert.COLUMNS.split(",").length);
    }

    @Test
    void doublesQuotesAndKeepsCommasNewlinesAndBackslashesAsTheyAre() {
        StepInput step = new StepInput(1, StepType.REASONING, "say \"hi\",\nthen \\N and \\\\", null, null, null, null,
                new TokenCounts(0, 0, 0, 0, 0), Instant.parse("2026-12-02T10:00:00Z"), null, null, null, null, null, 0);
        assertThat(row(step, null)).startsWith(TRACE + ",1,REASONING,\"say \"\"hi\"\",\nthen \\N and \\\\\",,,,\"gpt-4o\"")
                .contains(",0,0,0,0,,2026-12-02T10:00:00Z,,\"h\",0,,,,,0,,2026-12-02T09:59:58.123456Z\n");
        StepInput edges = new StepInput(1, StepType.REASONING, "\"\"x\"", null, null, null, null,
                new TokenCounts(0, 0, 0, 0, 0), Instant.parse("2026-12-02T10:00:00Z"), null, null, null, null, null, 0);
        assertThat(row(edges, null)).as("quotes first, in a row and last").startsWith(TRACE + ",1,REASONING,\"\"\"\"\"x\"\"\",");
    }

    @Test
    void roundsInstantsToTheMicrosecondHalfUp() {
        assertThat(row(at("2026-12-02T10:00:00.123456499Z"), null)).contains(",2026-12-02T10:00:00.123456Z,");
        assertThat(row(at("2026-12-02T10:00:00.123456500Z"), null)).contains(",2026-12-02T10:00:00.123457Z,");
        assertThat(row(at("2026-12-02T10:00:00.999999999Z"), null)).contains(",2026-12-02T10:00:01Z,");
    }

    private static StepInput at(String instant) {
        return new StepInput(1, StepType.REASONING, "x", null, null, null, null, new TokenCounts(0, 0, 0, 0, 0),
                Instant.parse(instant), null, null, null, null, null, 0);
    }
}
