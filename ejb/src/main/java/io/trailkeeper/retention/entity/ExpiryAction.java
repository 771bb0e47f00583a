package io.trailkeeper.retention.entity;

/** What happens to an event when its retention period has expired (GDPR Art. 5(1)(e)). */
public enum ExpiryAction {
    /** The event leaves the trail through EventDeletion, recorded in the tamper-evident log. */
    DELETE_EVENT,
    /**
     * The event's pseudonymous metadata stays (who did what, when, with what result) and its content
     * (prompts, outputs, arguments) is destroyed: data minimisation (GDPR Art. 5(1)(c)) where the fact
     * of an action must still be shown.
     */
    KEEP_METADATA_DESTROY_CONTENT
}
