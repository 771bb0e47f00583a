package io.trailkeeper.trail.entity;

/**
 * Why a stored event left the trail. Recorded with the deletion in the tamper-evident log, so that an
 * auditor can tell a lawful deletion from tampering and see on what ground it was made.
 */
public enum DeletionGround {

    /**
     * The event was kept as long as its retention period allows and no longer: personal data is kept
     * no longer than necessary for its purpose (GDPR Art. 5(1)(e), storage limitation).
     */
    RETENTION_PERIOD_EXPIRED,

    /** A data subject's request to erase their personal data (GDPR Art. 17, right to erasure). */
    ERASURE_REQUEST
}
