package io.trailkeeper.access.entity;

/** An account change that breaks a rule; the message is safe to show to the person who asked. */
@jakarta.ejb.ApplicationException(rollback = true)
public class AccountRejected extends RuntimeException {

    public AccountRejected(String message) {
        super(message);
    }
}
