package io.trailkeeper.residency.control;

import io.trailkeeper.residency.entity.JurisdictionClass;
import io.trailkeeper.residency.entity.PolicyView;
import io.trailkeeper.residency.entity.RecipientView;
import io.trailkeeper.residency.entity.SubjectRuleView;
import io.trailkeeper.residency.entity.TransferMechanism;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What officers set for residency, as rows: policies per jurisdiction, subject rules, recipients. */
public final class SettingRows {

    private SettingRows() {
    }

    public static List<PolicyView> policies(Connection connection) throws SQLException {
        List<PolicyView> policies = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT jurisdiction, name, storage_classes, storage_countries,"
                + " processing_classes, processing_countries, policy_version, updated_at, updated_by, reason FROM residency_policy"
                + " ORDER BY jurisdiction");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                policies.add(new PolicyView(rs.getString(1), rs.getString(2), classes(rs.getString(3)), list(rs.getString(4)),
                        classes(rs.getString(5)), list(rs.getString(6)), rs.getInt(7), Jdbc.instant(rs, 8), rs.getString(9), rs.getString(10)));
            }
        }
        return policies;
    }

    /** Inserts or replaces the jurisdiction's policy, one version up. */
    public static void putPolicy(Connection connection, PolicyView p) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM residency_policy WHERE jurisdiction = ?")) {
            delete.setString(1, p.jurisdiction());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO residency_policy (jurisdiction, name, storage_classes,"
                + " storage_countries, processing_classes, processing_countries, policy_version, updated_at, updated_by, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, p.jurisdiction());
            insert.setString(2, p.name());
            insert.setString(3, join(p.storageClasses()));
            insert.setString(4, join(p.storageCountries()));
            insert.setString(5, join(p.processingClasses()));
            insert.setString(6, join(p.processingCountries()));
            insert.setInt(7, p.version());
            insert.setObject(8, Jdbc.at(p.updatedAt()));
            insert.setString(9, p.updatedBy());
            insert.setString(10, p.reason());
            insert.executeUpdate();
        }
    }

    public static List<SubjectRuleView> subjectRules(Connection connection) throws SQLException {
        List<SubjectRuleView> rules = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, evaluation_order, source_name, agent_id, jurisdiction,"
                + " created_at, created_by, reason FROM residency_subject_rule ORDER BY evaluation_order, created_at, id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rules.add(new SubjectRuleView(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Jdbc.instant(rs, 6), rs.getString(7), rs.getString(8)));
            }
        }
        return rules;
    }

    public static void addSubjectRule(Connection connection, SubjectRuleView r) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO residency_subject_rule (id, evaluation_order, source_name,"
                + " agent_id, jurisdiction, created_at, created_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, r.id());
            insert.setInt(2, r.evaluationOrder());
            insert.setString(3, r.source());
            insert.setString(4, r.agent());
            insert.setString(5, r.jurisdiction());
            insert.setObject(6, Jdbc.at(r.createdAt()));
            insert.setString(7, r.createdBy());
            insert.setString(8, r.reason());
            insert.executeUpdate();
        }
    }

    public static boolean removeSubjectRule(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM residency_subject_rule WHERE id = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    public static List<RecipientView> recipients(Connection connection) throws SQLException {
        List<RecipientView> recipients = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT model, provider, location, mechanism, mechanism_date,"
                + " mechanism_reference, updated_at, updated_by FROM residency_recipient ORDER BY model");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Date date = rs.getDate(5);
                recipients.add(new RecipientView(rs.getString(1), rs.getString(2), rs.getString(3),
                        TransferMechanism.Kind.valueOf(rs.getString(4)), date == null ? null : date.toLocalDate(), rs.getString(6),
                        Jdbc.instant(rs, 7), rs.getString(8)));
            }
        }
        return recipients;
    }

    /** Inserts or replaces what is recorded for a model. */
    public static void putRecipient(Connection connection, RecipientView r) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM residency_recipient WHERE model = ?")) {
            delete.setString(1, r.model());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO residency_recipient (model, provider, location, mechanism,"
                + " mechanism_date, mechanism_reference, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, r.model());
            insert.setString(2, r.provider());
            insert.setString(3, r.location());
            insert.setString(4, r.mechanism().name());
            insert.setDate(5, r.mechanismDate() == null ? null : Date.valueOf(r.mechanismDate()));
            insert.setString(6, r.mechanismReference());
            insert.setObject(7, Jdbc.at(r.updatedAt()));
            insert.setString(8, r.updatedBy());
            insert.executeUpdate();
        }
    }

    /** A model seen for the first time: a recipient with no location and no mechanism until an officer records them. */
    public static RecipientView unrecorded(String model, Instant at) {
        return new RecipientView(model, null, null, TransferMechanism.Kind.NONE, null, null, at, FindingRows.CHECK);
    }

    static List<JurisdictionClass> classes(String text) {
        return list(text).stream().map(JurisdictionClass::valueOf).toList();
    }

    static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String join(List<?> values) {
        return String.join(",", values.stream().map(Object::toString).toList());
    }
}
