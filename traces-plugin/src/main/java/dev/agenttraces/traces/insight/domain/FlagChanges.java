package dev.agenttraces.traces.insight.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What turns one stored set of a trace's flags into another: the flags to delete and the flags to write (new,
 * or changed under the same key, a flag's kind on its step, which is the table's key). Why: a long trace of
 * repeated reads carries a flag on most of its calls, so rewriting every flag after every batch costs as much
 * as the trace is long; between two batches only the flags near the new steps change (a loop grows, a call
 * becomes redundant once its result arrives, the costliest steps shift), so applying the difference costs what
 * the batch costs.
 *
 * @param deleted flags stored before and gone now (only their key matters)
 * @param written flags new or changed, to insert, replacing a stored flag of the same key
 */
public record FlagChanges(List<StoredFlag> deleted, List<StoredFlag> written) {

    private record Key(int seq, StepFlag flag) {
    }

    /** The change from the flags {@code before} (as stored) to the flags {@code after}. */
    public static FlagChanges between(List<StoredFlag> before, List<StoredFlag> after) {
        Map<Key, StoredFlag> old = new HashMap<>();
        before.forEach(f -> old.put(new Key(f.seq(), f.flag()), f));
        List<StoredFlag> written = new ArrayList<>();
        for (StoredFlag f : after) {
            StoredFlag was = old.remove(new Key(f.seq(), f.flag()));
            if (was == null || !same(was, f)) {
                written.add(f);
            }
        }
        return new FlagChanges(List.copyOf(old.values()), List.copyOf(written));
    }

    /** Equal as stored: costs compared by value, since a stored 0.5 may read back as 0.500000000000. */
    private static boolean same(StoredFlag a, StoredFlag b) {
        return a.endSeq() == b.endSeq() && java.util.Objects.equals(a.refSeq(), b.refSeq())
                && java.util.Objects.equals(a.repetitions(), b.repetitions()) && a.costUsd().compareTo(b.costUsd()) == 0;
    }

    public boolean isEmpty() {
        return deleted.isEmpty() && written.isEmpty();
    }
}
