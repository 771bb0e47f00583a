package io.trailkeeper.reports.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.trailkeeper.reports.evidence.EvidenceReport.IntegrityCheckpoint;
import io.trailkeeper.reports.evidence.EvidenceReport.ReportingPeriod;
import io.trailkeeper.reports.evidence.EvidenceReport.Signer;
import io.trailkeeper.reports.evidence.Section.Result;

/** A small SOC 2-like report: a listed population, a long exception list, charts, hostile text. */
final class EvidenceFixtures {

    static final Instant GENERATED_AT = Instant.parse("2026-04-02T09:30:00Z");
    static final String ROOT_HASH = "9f2c4e1a77b0d3c5e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1";
    static final String HOSTILE_TARGET = "s3://bucket/a,\"b\"\nline2 \ud83d\ude00 \u0000 \ud800";
    static final int WRITE_EXCEPTIONS = 120;

    private EvidenceFixtures() {
    }

    static EvidenceReport report(boolean developmentSigner) {
        return report(developmentSigner, GENERATED_AT);
    }

    static EvidenceReport report(boolean developmentSigner, Instant generatedAt) {
        return new EvidenceReport("SOC 2 evidence report", "Acme Robotics GmbH", "SOC 2 (Trust Services Criteria)",
                new ReportingPeriod(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")),
                "Agents billing-bot, ops-agent, support-agent; sources: agent action logs",
                generatedAt, "officer.jane",
                new IntegrityCheckpoint(1_234_567, ROOT_HASH, Instant.parse("2026-04-01T00:05:00Z")),
                new Signer(developmentSigner ? "CN=Trailkeeper development" : "CN=Acme Evidence Signing, O=Acme",
                        developmentSigner),
                List.of(identities(), writesByReadOnlyAgents(), loggingCoverage()));
    }

    static Section identities() {
        DataTable agents = new DataTable(List.of("Agent", "Declared", "Owner"), List.of(
                List.of("billing-bot", "yes", "finance"),
                List.of("ops-agent", "yes", "platform"),
                Arrays.asList("shadow-agent", "no", null)));
        DataTable exceptions = new DataTable(List.of("Agent", "First seen (UTC)", "Finding"), List.of(
                List.of("shadow-agent", "2026-02-11 10:04:00", "Agent acted but is not in the register")));
        return new Section("CC6.1", "Agent identities in the register",
                "Every agent seen in the trail was looked up in the agent register.", 3, agents,
                Result.EXCEPTIONS, exceptions,
                new EvidenceChart.Categories("Events by agent", "Agent", "Events", List.of(
                        new EvidenceChart.CategoryCount("billing-bot", 5400),
                        new EvidenceChart.CategoryCount("ops-agent", 2100),
                        new EvidenceChart.CategoryCount("shadow-agent", 12),
                        new EvidenceChart.CategoryCount("bot \ud83e\udd16\u0007\u4e2d", 1))));
    }

    static Section writesByReadOnlyAgents() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < WRITE_EXCEPTIONS; i++) {
            rows.add(List.of(String.format("2026-02-%02d 12:%02d:00", 1 + i % 28, i % 60), "ops-agent",
                    "write-" + String.format("%03d", i), i == 7 ? HOSTILE_TARGET : "db://prod/customers/" + i));
        }
        return new Section("CC6.3", "Write actions by read-only agents",
                "Every action of agents declared read-only was checked for admin or write actions.", 12_000, null,
                Result.EXCEPTIONS, new DataTable(List.of("Occurred at (UTC)", "Agent", "Action", "Target"), rows), null);
    }

    static Section loggingCoverage() {
        List<EvidenceChart.DayCount> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2026, 4, 1)); day = day.plusDays(1)) {
            days.add(new EvidenceChart.DayCount(day, 80 + day.getDayOfYear() * 7 % 40));
        }
        return new Section("CC7.2", "Logging coverage per agent and day",
                "Each agent's events per day were checked for days without any event.", 90, null,
                Result.NO_EXCEPTIONS, DataTable.empty("Agent", "Day without events"),
                new EvidenceChart.Daily("Events per day", "Events", days));
    }
}
