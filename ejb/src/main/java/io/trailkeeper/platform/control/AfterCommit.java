package io.trailkeeper.platform.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the current transaction has committed, and never if it rolls back: for
 * memory kept beside the database (keys created, ids written) that must not get ahead of it.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** @param action runs on the committing thread, after the commit; it must not throw */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // only the outcome matters
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
