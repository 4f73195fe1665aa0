package dev.agenttraces.taskboard.host.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionRangeTest {

    @Test
    void honoursInclusiveAndExclusiveBounds() throws Exception {
        VersionRange r = VersionRange.parse("[1.0,2.0)");
        assertThat(r.contains("1.0")).isTrue();
        assertThat(r.contains("1.9.9")).isTrue();
        assertThat(r.contains("2.0")).isFalse();
        assertThat(r.contains("0.9")).isFalse();
        assertThat(VersionRange.parse("(1.0,2.0]").contains("1.0")).isFalse();
        assertThat(VersionRange.parse("(1.0,2.0]").contains("2")).isTrue();
    }

    @Test
    void anEmptyUpperBoundIsOpen() throws Exception {
        assertThat(VersionRange.parse("[1.0,)").contains("42.1")).isTrue();
    }

    @Test
    void refusesSomethingThatIsNotARange() {
        assertThatThrownBy(() -> VersionRange.parse("1.0")).isInstanceOf(InvalidDescriptorException.class);
    }
}
