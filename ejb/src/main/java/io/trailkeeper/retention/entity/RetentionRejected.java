package io.trailkeeper.retention.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A retention request that cannot be carried out, with every reason an officer has to fix. An
 * application exception, so it reaches the caller as it is and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class RetentionRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; the web layer turns it into an HTTP status. */
    public enum Reason {
        /** The request breaks a rule (each one is listed). */
        INVALID,
        /** The period undercuts a legal floor; the problem names the rule and its source. */
        BELOW_FLOOR,
        /** Nothing with this id or code. */
        UNKNOWN,
        /** The request contradicts the present state (a code taken, a hold already released). */
        CONFLICT
    }

    private final Reason reason;
    private final List<String> problems;

    public RetentionRejected(Reason reason, List<String> problems) {
        super(String.join("; ", problems));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public RetentionRejected(Reason reason, String problem) {
        this(reason, List.of(problem));
    }

    public Reason reason() {
        return reason;
    }

    public List<String> problems() {
        return problems;
    }
}
