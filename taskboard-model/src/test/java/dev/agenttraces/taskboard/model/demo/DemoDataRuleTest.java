package dev.agenttraces.taskboard.model.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataRuleTest {

    @Test
    void anEmptyDatabaseOrOneWithOnlyDemoDataMayTakeDemoCredentials() {
        assertThat(new DemoDataRule(0, 0, 0).holdsRealData()).isFalse();
        assertThat(new DemoDataRule(0, 3, 2).holdsRealData()).isFalse();
        assertThat(new DemoDataRule(0, 3, 2).refusal()).isEmpty();
    }

    @Test
    void anyNonDemoUserOrBoardsWithoutDemoUsersAreRealData() {
        assertThat(new DemoDataRule(1, 3, 2).holdsRealData()).isTrue();
        assertThat(new DemoDataRule(0, 0, 1).holdsRealData()).as("boards whose users were removed").isTrue();
        assertThat(new DemoDataRule(2, 3, 5).refusal()).hasValueSatisfying(r -> assertThat(r)
                .contains("2 non-demo user(s)", "5 board(s)", "published"));
    }
}
