package io.trailkeeper.source.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request about a source that cannot be carried out, with every reason an officer has to fix.
 * An application exception, so it reaches the caller as it is and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class SourceRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; the web layer turns it into an HTTP status. */
    public enum Reason {
        /** The settings break a rule (each one is listed). */
        INVALID,
        /** Another source already has this name. */
        NAME_TAKEN,
        /** No source with this id. */
        UNKNOWN,
        /** A pull of this source is still running. */
        PULL_RUNNING,
        /** The job that pulls this kind of source is not part of this deployment. */
        PULL_UNAVAILABLE
    }

    private final Reason reason;
    private final List<String> problems;

    public SourceRejected(Reason reason, List<String> problems) {
        super(String.join("; ", problems));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public SourceRejected(Reason reason, String problem) {
        this(reason, List.of(problem));
    }

    public Reason reason() {
        return reason;
    }

    public List<String> problems() {
        return problems;
    }
}
