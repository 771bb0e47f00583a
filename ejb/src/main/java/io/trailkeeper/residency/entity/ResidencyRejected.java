package io.trailkeeper.residency.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A residency request that cannot be carried out, with every reason an officer has to fix. An
 * application exception, so it reaches the caller as it is and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ResidencyRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; the web layer turns it into an HTTP status. */
    public enum Reason { INVALID, UNKNOWN, CONFLICT }

    private final Reason reason;
    private final List<String> problems;

    public ResidencyRejected(Reason reason, List<String> problems) {
        super(String.join("; ", problems));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public ResidencyRejected(Reason reason, String problem) {
        this(reason, List.of(problem));
    }

    public static ResidencyRejected invalid(List<String> problems) {
        return new ResidencyRejected(Reason.INVALID, problems);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> problems() {
        return problems;
    }
}
