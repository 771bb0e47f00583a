package io.trailkeeper.source.entity;

/** Why a pull ran. */
public enum PullTrigger {
    /** The poll interval of an enabled source had elapsed. */
    SCHEDULE,
    /** An officer asked for it ("pull now"). */
    MANUAL,
    /** Someone uploaded a file to the source. */
    UPLOAD,
    /** A run that a crash, a server stop or an upgrade interrupted, going on from its checkpoint. */
    RESUME
}
