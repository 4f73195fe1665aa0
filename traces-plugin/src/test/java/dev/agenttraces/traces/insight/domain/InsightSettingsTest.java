package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsightSettingsTest {

    @Test
    void theFingerprintIsStableAndChangesWithEverySetting() {
        var defaults = InsightSettings.defaults();
        assertThat(defaults.fingerprint()).hasSize(16).isEqualTo(InsightSettings.defaults().fingerprint());
        assertThat(defaults.canonicalText()).contains("min-repetitions=3;similarity-threshold=0.85;max-cycle-length=6");
        assertThat(java.util.stream.Stream.of(defaults.withMinRepetitions(4), defaults.withSimilarityThreshold(0.9),
                defaults.withMaxCycleLength(5), defaults.withMutatingToolPattern("write"), defaults.withTopSteps(5))
                .map(InsightSettings::fingerprint))
                .doesNotContain(defaults.fingerprint()).doesNotHaveDuplicates();
    }

    @Test
    void insightsCarryTheFingerprintOfTheirSettings() {
        var settings = InsightSettings.defaults().withMinRepetitions(5);
        assertThat(new InsightAccumulator(settings).insights().settingsFingerprint()).isEqualTo(settings.fingerprint());
    }

    @Test
    void refusesSettingsTheDetectorsCannotUse() {
        var defaults = InsightSettings.defaults();
        assertThatThrownBy(() -> defaults.withMinRepetitions(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSimilarityThreshold(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSimilarityThreshold(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxCycleLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMutatingToolPattern("(")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTopSteps(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
