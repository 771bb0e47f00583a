package io.trailkeeper.integrity.control;

import io.trailkeeper.integrity.entity.LogLeaf;
import io.trailkeeper.platform.control.BinaryCopy;
import io.trailkeeper.platform.control.BinaryCopyRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Inserts log leaves on the transaction's connection: an import appends one leaf per stored event and
 * never reads them back in the same transaction. On PostgreSQL through the binary COPY protocol, as
 * the events themselves; elsewhere as one JDBC batch. Columns as mapped by {@link LogLeaf}.
 */
public final class LeafRows {

    private static final String INSERT = "INSERT INTO trail_log_leaf (leaf_index, event_id, leaf_hash, appended_at) VALUES (?, ?, ?, ?)";

    private static final String COPY = "COPY trail_log_leaf (leaf_index, event_id, leaf_hash, appended_at) FROM STDIN (FORMAT binary)";

    private LeafRows() {
    }

    public static void insert(Connection connection, List<LogLeaf> leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        if (BinaryCopy.available(connection)) { // PostgreSQL, behind whatever pool wraps it
            BinaryCopyRows rows = new BinaryCopyRows(leaves.size() * 80);
            for (LogLeaf leaf : leaves) {
                rows.row(4).int8(leaf.leafIndex()).uuid(leaf.eventId()).bytea(leaf.leafHash()).timestamptz(leaf.appendedAt());
            }
            try (BinaryCopy copy = BinaryCopy.start(connection, COPY)) {
                copy.write(rows);
                copy.finish();
            }
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

    private static final String INSERT_DELETION = "INSERT INTO trail_log_leaf (leaf_index, event_id, leaf_hash, appended_at, kind, "
            + "leaf_layout, deletes_leaf_index, deletion_ground, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts deletion leaves ({@link LogLeaf#deletion}) with their kind, layout and details; event
     * leaves go through {@link #insert}, which leaves kind and layout to the columns' defaults (EVENT,
     * EVENT_FIELDS).
     */
    public static void insertDeletions(Connection connection, List<LogLeaf> deletions) throws SQLException {
        if (deletions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DELETION)) {
            for (LogLeaf leaf : deletions) {
                if (leaf.kind() != LogLeaf.Kind.DELETION) {
                    throw new IllegalArgumentException("leaf " + leaf.leafIndex() + " is not a deletion");
                }
                insert.setLong(1, leaf.leafIndex());
                insert.setObject(2, leaf.eventId());
                insert.setBytes(3, leaf.leafHash());
                insert.setObject(4, leaf.appendedAt().atOffset(ZoneOffset.UTC));
                insert.setString(5, leaf.kind().name());
                insert.setString(6, leaf.layout().name());
                insert.setLong(7, leaf.deletesLeafIndex());
                insert.setString(8, leaf.deletionGround());
                insert.setString(9, leaf.requestedBy());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
