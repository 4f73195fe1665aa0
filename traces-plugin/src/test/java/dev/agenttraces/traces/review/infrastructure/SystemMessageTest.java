package dev.agenttraces.traces.review.infrastructure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SystemMessageTest {

    @Test
    void theFirstSystemMessageOfAConversation() {
        assertThat(JpaReviewRepository.systemMessage("[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"system\",\"content\":\"Be terse.\"},{\"role\":\"system\",\"content\":\"later\"}]"))
                .contains("Be terse.");
    }

    @Test
    void structuredContentIsShownAsItsJson() {
        assertThat(JpaReviewRepository.systemMessage("[{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]"))
                .hasValueSatisfying(t -> assertThat(t).contains("\"text\":\"x\""));
    }

    @Test
    void noSystemMessageOrNoJsonGivesNothing() {
        assertThat(JpaReviewRepository.systemMessage("[{\"role\":\"user\",\"content\":\"hi\"}]")).isEmpty();
        assertThat(JpaReviewRepository.systemMessage("not json")).isEmpty();
        assertThat(JpaReviewRepository.systemMessage("{\"role\":\"system\"}")).isEmpty();
    }

    @Test
    void longInstructionsAreCut() {
        String text = "x".repeat(JpaReviewRepository.INSTRUCTION_CHARS + 10);
        assertThat(JpaReviewRepository.systemMessage("[{\"role\":\"system\",\"content\":\"" + text + "\"}]"))
                .hasValueSatisfying(t -> assertThat(t).hasSize(JpaReviewRepository.INSTRUCTION_CHARS));
    }
}
