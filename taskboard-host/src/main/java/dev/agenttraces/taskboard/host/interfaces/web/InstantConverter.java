package dev.agenttraces.taskboard.host.interfaces.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Shows instants the way people read them, "1 Dec 2026, 18:38 UTC", instead of the raw ISO value with
 * microseconds. UTC because the host knows no user's time zone and budget periods are UTC too. A missing
 * instant shows as "—". Used by id only ({@code <f:converter converterId="taskboard.instant"/>}) on every page
 * that shows an instant: Faces applies just the id when a converter names both an id and a class (Mojarra warns
 * so at start), so a by-class registration would only have looked as if it converted every {@link Instant}.
 */
@FacesConverter("taskboard.instant")
public class InstantConverter implements Converter<Instant> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new ConverterException("Instants are shown, never entered, on the host's pages");
    }

    /** The display text of {@code value}; "—" when it is null. */
    public static String format(Instant value) {
        return value == null ? "—" : FORMAT.format(value);
    }
}
