package dev.agenttraces.traces.api;

import dev.agenttraces.traces.shared.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiInstantTest {

    @Test
    void blankIsNotGivenAndTheBoundsThemselvesAreTaken() {
        assertThat(ApiInstant.ofQuery("from", null)).isNull();
        assertThat(ApiInstant.ofQuery("from", " ")).isNull();
        assertThat(ApiInstant.ofQuery("from", "1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
        assertThat(ApiInstant.ofQuery("to", "9999-12-31T23:59:59Z")).isEqualTo(ApiInstant.LATEST);
    }

    @Test
    void aBodyFieldSentBlankIsRefusedWhereAQueryParameterLeftBlankIsNotGiven() {
        assertThat(ApiInstant.of("startedAt", null)).isNull();
        assertThatThrownBy(() -> ApiInstant.of("steps[0].startedAt", "")).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.field()).isEqualTo("steps[0].startedAt"));
        assertThat(ApiInstant.of("startedAt", "2026-01-31T12:00:00Z")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    }

    @Test
    void aBadOrOutOfRangeInstantIsA400OnItsField() {
        assertThatThrownBy(() -> ApiInstant.ofQuery("asOf", "yesterday")).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
            assertThat(r.field()).isEqualTo("asOf");
            assertThat(r.getMessage()).startsWith("asOf must be an ISO-8601 instant");
        });
        for (String far : new String[]{"1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> ApiInstant.ofQuery("to", far)).as(far).isInstanceOfSatisfying(Rejection.class,
                    r -> assertThat(r.getMessage()).isEqualTo("to must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z."));
        }
    }
}
