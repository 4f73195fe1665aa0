package dev.agenttraces.traces.api;

import dev.agenttraces.traces.shared.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryInstantTest {

    @Test
    void blankIsNotGivenAndTheBoundsThemselvesAreTaken() {
        assertThat(QueryInstant.parse("from", null)).isNull();
        assertThat(QueryInstant.parse("from", " ")).isNull();
        assertThat(QueryInstant.parse("from", "1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
        assertThat(QueryInstant.parse("to", "9999-12-31T23:59:59Z")).isEqualTo(QueryInstant.LATEST);
    }

    @Test
    void aBadOrOutOfRangeInstantIsA400OnItsField() {
        assertThatThrownBy(() -> QueryInstant.parse("asOf", "yesterday")).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
            assertThat(r.field()).isEqualTo("asOf");
            assertThat(r.getMessage()).startsWith("asOf must be an ISO-8601 instant");
        });
        for (String far : new String[]{"1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> QueryInstant.parse("to", far)).as(far).isInstanceOfSatisfying(Rejection.class,
                    r -> assertThat(r.getMessage()).isEqualTo("to must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z."));
        }
    }
}
