package io.trailkeeper.ingest.format.json.control;

/**
 * Signals, inside the format readers, that a record must be rejected; it never escapes
 * a format's {@code parse} method (such as {@code AgentActionLogFormat.parse}), which turns it into a rejection.
 *
 * <p>An exception rather than return values because a record can fail in any of dozens of field
 * conversions and the first failure decides the outcome. No stack trace is captured: bad lines are
 * expected in bulk and the trace would say nothing the reason does not.
 */
public final class InvalidRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Longest excerpt of a value quoted in a reason; longer ones would bloat every log line. */
    private static final int EXCERPT_LIMIT = 64;

    public InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }

    /**
     * Quotes a short excerpt of a non-personal value (a timestamp, a duration) for a reason,
     * replacing control characters so that a hostile value cannot forge extra log lines.
     */
    public static String excerpt(String value) {
        String shortened = value.length() > EXCERPT_LIMIT
                ? value.substring(0, EXCERPT_LIMIT) + "..."
                : value;
        StringBuilder quoted = new StringBuilder(shortened.length() + 2).append('\'');
        shortened.codePoints().forEach(c -> quoted.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return quoted.append('\'').toString();
    }
}
