package io.trailkeeper.integrity.control;

import io.trailkeeper.integrity.entity.LogLeaf;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Inserts log leaves as one JDBC batch on the transaction's connection: an import appends one leaf
 * per stored event and never reads them back in the same transaction. Columns as mapped by {@link LogLeaf}.
 */
public final class LeafRows {

    private static final String INSERT = "INSERT INTO trail_log_leaf (leaf_index, event_id, leaf_hash, appended_at) VALUES (?, ?, ?, ?)";

    private LeafRows() {
    }

    public static void insert(Connection connection, List<LogLeaf> leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LogLeaf leaf : leaves) {
                insert.setLong(1, leaf.leafIndex());
                insert.setObject(2, leaf.eventId());
                insert.setBytes(3, leaf.leafHash());
                insert.setObject(4, leaf.appendedAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
