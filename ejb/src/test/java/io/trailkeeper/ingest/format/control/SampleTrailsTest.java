package io.trailkeeper.ingest.format.control;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.format.agentaction.control.AgentActionLogFormat;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.trail.entity.AuditEventDraft;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads the shipped sample trail and the small test trail as an import would, line by line. */
class SampleTrailsTest {

    static final Instant SAMPLE_END = Instant.parse("2026-11-21T00:00:00Z");

    final AgentActionLogFormat format = new AgentActionLogFormat(Clock.fixed(SAMPLE_END, ZoneOffset.UTC), LineDigest.UNKEYED);

    record Outcome(List<AuditEventDraft> accepted, Map<Integer, String> rejectedByLine) {
    }

    Outcome read(String resource) throws IOException {
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the class path");
            content = in.readAllBytes();
        }
        String text = new String(content, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), "the file ends with a newline");
        List<AuditEventDraft> accepted = new ArrayList<>();
        Map<Integer, String> rejected = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            ParsedRecord record = format.parse(lines[i].getBytes(StandardCharsets.UTF_8));
            if (record instanceof ParsedRecord.Accepted a) {
                accepted.add(a.draft());
            } else {
                rejected.put(i + 1, ((ParsedRecord.Rejected) record).reason());
            }
        }
        return new Outcome(accepted, rejected);
    }

    @Test
    void theSampleTrailHasExactlyThreeBrokenLines() throws IOException {
        Outcome outcome = read("/io/trailkeeper/ingest/sample/agent-actions-sample.jsonl");
        assertEquals(238, outcome.accepted().size());
        assertEquals(Map.of(
                47, "not valid JSON: the line ends before the JSON object is complete",
                139, "missing required field 'agent_id' (also accepted: 'agent')",
                230, "timestamp '2026-11-20T15:31:12' has no time zone; expected ISO-8601 with Z or an offset"),
                outcome.rejectedByLine());
    }

    @Test
    void theSampleTrailCoversFourAgentsOverTwoWeeks() throws IOException {
        List<AuditEventDraft> events = read("/io/trailkeeper/ingest/sample/agent-actions-sample.jsonl").accepted();
        assertEquals(Set.of("support-assistant", "claims-triage", "sales-copilot", "it-helpdesk-agent"),
                events.stream().map(AuditEventDraft::agentId).collect(java.util.stream.Collectors.toSet()));
        Instant first = SAMPLE_END.minus(14, ChronoUnit.DAYS);
        assertTrue(events.stream().allMatch(e -> !e.occurredAt().isBefore(first) && e.occurredAt().isBefore(SAMPLE_END)));
        assertEquals(14, events.stream().map(e -> e.occurredAt().truncatedTo(ChronoUnit.DAYS)).distinct().count(),
                "every day has events");
        assertEquals(events.size(), events.stream().map(AuditEventDraft::sourceEventId).distinct().count(), "ids are unique");
        assertTrue(events.stream().allMatch(e -> e.region() != null && e.sessionId() != null && e.subjectRef() != null));
        assertTrue(events.stream().filter(e -> "refund.issue".equals(e.action()) && "success".equals(e.result()))
                .allMatch(e -> Boolean.TRUE.equals(e.humanConfirmed())), "money moves only with confirmation");
        assertTrue(events.stream().anyMatch(e -> e.sourceEventId().startsWith("evt-")), "some events carry their own id");
        assertTrue(events.stream().anyMatch(e -> e.contentJson() != null && e.contentJson().contains("\"prompt\"")));
        assertTrue(events.stream().anyMatch(e -> "denied".equals(e.result()) && e.reason() != null));
        assertTrue(events.stream().anyMatch(e -> "error".equals(e.result()) && e.error() != null));
    }

    @Test
    void theTwoAgentsTrailHasFiveEventsAndOneBrokenLine() throws IOException {
        Outcome outcome = read("/io/trailkeeper/ingest/two-agents.jsonl");
        assertEquals(Map.of("alpha-agent", 3L, "beta-agent", 2L),
                outcome.accepted().stream().collect(groupingBy(AuditEventDraft::agentId, counting())));
        assertEquals(Map.of(6, "not valid JSON: the line ends before the JSON object is complete"), outcome.rejectedByLine());
        Set<Instant> days = new HashSet<>();
        outcome.accepted().forEach(e -> days.add(e.occurredAt().truncatedTo(ChronoUnit.DAYS)));
        assertEquals(Set.of(Instant.parse("2026-11-19T00:00:00Z")), days);
    }
}
