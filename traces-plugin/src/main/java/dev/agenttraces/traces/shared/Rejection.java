package dev.agenttraces.traces.shared;

/**
 * A request the trace store refuses as a whole, before anything is written. The kind decides the HTTP
 * status in the interfaces layer; the field names the offending part of the request, when there is one.
 */
public class Rejection extends RuntimeException {

    public enum Kind {
        INVALID(400, "Invalid request"),
        UNAUTHORIZED(401, "Missing or invalid credentials"),
        FORBIDDEN(403, "Not allowed"),
        NOT_FOUND(404, "Not found"),
        CONFLICT(409, "Conflict"),
        TOO_LARGE(413, "Payload too large");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        /** The problem type URI fragment, e.g. {@code not-found}. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;
    private final String field;

    public Rejection(Kind kind, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.field = field;
    }

    public static Rejection invalid(String field, String detail) {
        return new Rejection(Kind.INVALID, field, detail);
    }

    public static Rejection notFound(String detail) {
        return new Rejection(Kind.NOT_FOUND, null, detail);
    }

    public static Rejection conflict(String field, String detail) {
        return new Rejection(Kind.CONFLICT, field, detail);
    }

    public static Rejection forbidden(String detail) {
        return new Rejection(Kind.FORBIDDEN, null, detail);
    }

    public static Rejection unauthorized(String detail) {
        return new Rejection(Kind.UNAUTHORIZED, null, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
