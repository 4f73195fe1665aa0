package dev.agenttraces.taskboard.host.interfaces.web;

import jakarta.faces.convert.ConverterException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The host's task page shows instants as people read them (issue 11, "Raw values"), not as stored. */
class InstantConverterTest {

    @Test
    void theRawInstantOfTheIssueReadsAsADayMonthYearAndMinuteInUtc() {
        assertThat(InstantConverter.format(Instant.parse("2026-12-01T18:38:56.695465Z"))).isEqualTo("1 Dec 2026, 18:38 UTC");
    }

    @Test
    void secondsAreCutNotRoundedAndTheDayIsNotPadded() {
        assertThat(InstantConverter.format(Instant.parse("2026-12-31T23:59:59.999999Z"))).isEqualTo("31 Dec 2026, 23:59 UTC");
        assertThat(InstantConverter.format(Instant.parse("2027-01-05T07:05:00Z"))).isEqualTo("5 Jan 2027, 07:05 UTC");
    }

    @Test
    void anInstantFromAnotherZoneIsShownInUtcEvenAcrossMidnight() {
        Instant paris = OffsetDateTime.parse("2026-06-01T00:30:00+02:00").toInstant();
        assertThat(InstantConverter.format(paris)).isEqualTo("31 May 2026, 22:30 UTC");
    }

    @Test
    void monthNamesAreEnglishWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(InstantConverter.format(Instant.parse("2026-03-02T09:00:00Z"))).isEqualTo("2 Mar 2026, 09:00 UTC");
            assertThat(InstantConverter.format(Instant.parse("2026-10-02T09:00:00Z"))).isEqualTo("2 Oct 2026, 09:00 UTC");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMissingInstantShowsAsADash() {
        assertThat(InstantConverter.format(null)).isEqualTo("—");
        assertThat(new InstantConverter().getAsString(null, null, null)).isEqualTo("—");
    }

    @Test
    void thePageConversionIsTheSameText() {
        assertThat(new InstantConverter().getAsString(null, null, Instant.parse("2026-12-01T18:38:56.695465Z")))
                .isEqualTo("1 Dec 2026, 18:38 UTC");
    }

    @Test
    void instantsAreNeverEnteredOnTheHostsPages() {
        assertThatThrownBy(() -> new InstantConverter().getAsObject(null, null, "1 Dec 2026, 18:38 UTC"))
                .isInstanceOf(ConverterException.class)
                .hasMessage("Instants are shown, never entered, on the host's pages");
    }
}
