package io.trailkeeper.access.entity;

/**
 * A password change whose current password is wrong: a guess at the password like a failed sign-in,
 * which the web module counts against the sign-in throttle.
 */
public class CurrentPasswordRejected extends AccountRejected {

    public CurrentPasswordRejected() {
        super("the current password is not correct");
    }
}
