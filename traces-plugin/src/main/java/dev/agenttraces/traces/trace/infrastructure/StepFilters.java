package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.StepFilter;
import jakarta.persistence.TypedQuery;

import java.util.Locale;

/** The JPQL of a {@link StepFilter} over steps aliased {@code s}, and its parameters. */
final class StepFilters {

    private StepFilters() {
    }

    static String where(StepFilter f) {
        StringBuilder w = new StringBuilder();
        if (f != null && f.hasTypes()) {
            w.append(" and s.type in :types");
        }
        if (f != null && f.hasText()) {
            w.append(" and (lower(s.content) like :text escape '\\' or lower(s.toolName) like :text escape '\\'"
                    + " or lower(s.toolInput) like :text escape '\\' or lower(s.toolOutput) like :text escape '\\')");
        }
        return w.toString();
    }

    /** Binds the filter's values (the trace is bound by the query's maker). */
    static <T> TypedQuery<T> bind(TypedQuery<T> q, StepFilter f) {
        if (f != null && f.hasTypes()) {
            q.setParameter("types", f.types());
        }
        if (f != null && f.hasText()) {
            q.setParameter("text", contains(f.text()));
        }
        return q;
    }

    /** A LIKE pattern matching the text anywhere, case-insensitively, with its wildcards escaped. */
    static String contains(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + t + "%";
    }
}
