package dev.agenttraces.traces.review.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotationTest {

    @Test
    void aFeedbackLineNamesTheStepTheLabelAndTheNote() {
        Annotation a = new Annotation(1, UUID.randomUUID(), 7, AnnotationLabel.WASTED_CALL, "read it twice", "rita",
                Instant.EPOCH, "tool call read_file");
        assertThat(a.feedbackLine()).isEqualTo("- Step 7 (tool call read_file): wasted call — read it twice");
        Annotation bare = new Annotation(2, UUID.randomUUID(), 3, AnnotationLabel.GOOD, null, "rita", Instant.EPOCH, "reasoning");
        assertThat(bare.feedbackLine()).isEqualTo("- Step 3 (reasoning): good");
    }
}
