package io.trailkeeper.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY ... FROM STDIN (FORMAT binary)} on a PostgreSQL connection, fed with rows encoded by
 * {@link BinaryCopyRows}. The database consumes what is written while the caller encodes the next
 * rows, so a bulk write overlaps the application's work with the database's instead of waiting for
 * it. Runs on the caller's connection and therefore in its transaction: the rows commit or roll back
 * with everything else. While a copy is open the connection serves nothing else.
 */
public final class BinaryCopy implements AutoCloseable {

    private final CopyIn copy;
    private boolean finished;

    private BinaryCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Whether {@code connection} speaks PostgreSQL's COPY protocol (through any pool wrapper). */
    public static boolean available(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /** @param copyStatement {@code COPY table (columns) FROM STDIN (FORMAT binary)} */
    public static BinaryCopy start(Connection connection, String copyStatement) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
        BinaryCopy started = new BinaryCopy(copy);
        try {
            byte[] header = BinaryCopyRows.header();
            copy.writeToCopy(header, 0, header.length);
        } catch (SQLException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public void write(BinaryCopyRows rows) throws SQLException {
        if (rows.length() > 0) {
            copy.writeToCopy(rows.array(), 0, rows.length());
        }
    }

    /** Ends the copy; the database has checked and stored every row when this returns. @return rows stored */
    public long finish() throws SQLException {
        byte[] trailer = BinaryCopyRows.trailer();
        copy.writeToCopy(trailer, 0, trailer.length);
        long rows = copy.endCopy();
        finished = true;
        return rows;
    }

    /** Cancels an unfinished copy, so the connection can roll the transaction back. */
    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            finished = true;
            copy.cancelCopy();
        }
    }
}
