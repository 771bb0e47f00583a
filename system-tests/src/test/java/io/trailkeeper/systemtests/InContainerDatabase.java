package io.trailkeeper.systemtests;

import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * What in-container tests do to the database around the application: run work in a transaction of
 * their own, and change rows with plain SQL behind the application's back (tampering). Added to the
 * web module by {@link TrailkeeperEar#withTestsInside}.
 */
final class InContainerDatabase {

    private InContainerDatabase() {
    }

    static <T> T inTransaction(UserTransaction transaction, Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }

    static void sql(DataSource dataSource, String statement, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    /** The leaf hash the log table records at {@code index}, read behind the application's back. */
    static byte[] leafHashAt(DataSource dataSource, long index) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT leaf_hash FROM trail_log_leaf WHERE leaf_index = ?")) {
            query.setLong(1, index);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no leaf " + index + " in the log table");
                }
                return row.getBytes(1);
            }
        }
    }
}
