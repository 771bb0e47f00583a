package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.CheckRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The check's watermark (one row, locked for the whole check so checks take turns) and its run history.
 * The watermark moves in the transaction that stores the findings: each event is judged exactly once.
 */
public final class CheckRows {

    private CheckRows() {
    }

    /** Locks the watermark row until the transaction ends and answers the last leaf index judged. */
    public static long lockWatermark(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT leaf_index FROM residency_watermark WHERE id = 1 FOR UPDATE");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("residency_watermark has no row (migration V28)");
            }
            return rs.getLong(1);
        }
    }

    public static void advance(Connection connection, long leafIndex, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE residency_watermark SET leaf_index = ?, updated_at = ? WHERE id = 1")) {
            update.setLong(1, leafIndex);
            update.setObject(2, Jdbc.at(at));
            update.executeUpdate();
        }
    }

    public static void record(Connection connection, CheckRun run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO residency_run (id, started_at, finished_at, started_by,"
                + " from_leaf, to_leaf, event_groups, events, new_findings, updated_findings, reopened, catalog_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, run.id());
            insert.setObject(2, Jdbc.at(run.startedAt()));
            insert.setObject(3, Jdbc.at(run.finishedAt()));
            insert.setString(4, run.startedBy());
            insert.setLong(5, run.fromLeaf());
            insert.setLong(6, run.toLeaf());
            insert.setInt(7, run.groups());
            insert.setLong(8, run.events());
            insert.setInt(9, run.newFindings());
            insert.setInt(10, run.updatedFindings());
            insert.setInt(11, run.reopened());
            insert.setString(12, run.catalogVersion());
            insert.executeUpdate();
        }
    }

    public static List<CheckRun> recent(Connection connection, int limit) throws SQLException {
        List<CheckRun> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, started_at, finished_at, started_by, from_leaf, to_leaf,"
                + " event_groups, events, new_findings, updated_findings, reopened, catalog_version FROM residency_run"
                + " ORDER BY started_at DESC, id")) {
            select.setMaxRows(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.add(new CheckRun(rs.getObject(1, UUID.class), Jdbc.instant(rs, 2), Jdbc.instant(rs, 3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getLong(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                            rs.getString(12)));
                }
            }
        }
        return runs;
    }
}
