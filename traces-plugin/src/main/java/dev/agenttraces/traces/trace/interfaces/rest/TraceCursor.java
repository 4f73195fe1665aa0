package dev.agenttraces.traces.trace.interfaces.rest;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.TraceKey;
import dev.agenttraces.traces.trace.domain.TraceSort;
import dev.agenttraces.traces.trace.domain.TraceStatus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code cursor} of an agent's trace list: the sort, the order, the last trace's key value and its id,
 * in base64url. Opaque so clients pass it back rather than build it; it names its sort and order so a cursor sent
 * with another sort is refused (400) instead of resuming at a meaningless place. Nothing in it is trusted beyond
 * being a bound of the next page's range: it is parsed into the key's own type and bound as a parameter.
 */
final class TraceCursor {

    private static final String VERSION = "k1";
    private static final String SEP = "~";
    private static final int MAX_CHARS = 400;

    private TraceCursor() {
    }

    static String encode(TraceSort sort, boolean ascending, TraceKey key) {
        String value = key.value() == null ? ""
                : key.value() instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : key.value() instanceof Enum<?> e ? e.name() : key.value().toString();
        String text = String.join(SEP, VERSION, sort.wireName(), ascending ? "asc" : "desc", value, key.id().toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of a cursor issued for this sort and order; a 400 naming {@code cursor} for anything else. */
    static TraceKey decode(String cursor, TraceSort sort, boolean ascending) {
        if (cursor.length() > MAX_CHARS) {
            throw bad("cursor is too long.");
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEP, -1);
        } catch (IllegalArgumentException e) {
            throw bad("cursor is not one this API issued; pass back the nextCursor of the previous page.");
        }
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw bad("cursor is not one this API issued; pass back the nextCursor of the previous page.");
        }
        if (!parts[1].equals(sort.wireName()) || !parts[2].equals(ascending ? "asc" : "desc")) {
            throw bad("cursor was issued for sort=" + parts[1] + "&order=" + parts[2]
                    + "; send it with the same sort and order, or start again without a cursor.");
        }
        try {
            UUID id = UUID.fromString(parts[4]);
            if (!id.toString().equals(parts[4])) { // fromString is lenient: a cut id would still parse
                throw new IllegalArgumentException("not a full id");
            }
            return new TraceKey(value(sort, parts[3]), id);
        } catch (RuntimeException e) {
            throw bad("cursor is not one this API issued; pass back the nextCursor of the previous page.");
        }
    }

    private static Object value(TraceSort sort, String text) {
        if (text.isEmpty()) {
            if (sort == TraceSort.DURATION_MS || sort == TraceSort.WASTE) {
                return null;
            }
            throw new IllegalArgumentException("no value");
        }
        return switch (sort) {
            case STARTED_AT -> Instant.parse(text);
            case COST_USD, WASTE -> new BigDecimal(text);
            case DURATION_MS -> Long.parseLong(text);
            case STEP_COUNT -> Integer.parseInt(text);
            case STATUS -> TraceStatus.valueOf(text);
            case TASK_TITLE, TOKENS -> throw new IllegalArgumentException("not an API sort");
        };
    }

    private static Rejection bad(String detail) {
        return Rejection.invalid("cursor", detail);
    }
}
