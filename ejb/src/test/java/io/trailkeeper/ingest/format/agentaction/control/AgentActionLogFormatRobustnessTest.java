package io.trailkeeper.ingest.format.agentaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.format.json.control.Verdicts;
import io.trailkeeper.trail.entity.AuditEventDraft;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AgentActionLogFormatRobustnessTest {

    final AgentActionLogFormat format = new AgentActionLogFormat(Clock.fixed(AgentActionLogFormatTest.NOW, ZoneOffset.UTC), LineDigest.UNKEYED);

    /** Personal values and free text of {@link AgentActionLogFormatTest#EXAMPLE} that no reason may quote. */
    static final List<String> NEVER_IN_A_REASON = List.of("cust-4411", "customer asked", "s-91a");

    /**
     * Parses and checks what every answer must satisfy, whatever the input: a rejection explains
     * itself without quoting the line, and an accepted line yields a draft made of the line's own
     * values, never of another line's or of nothing.
     */
    ParsedRecord parseAndCheck(byte[] line) {
        ParsedRecord record = format.parse(line);
        assertNotNull(record);
        if (record instanceof ParsedRecord.Rejected rejected) {
            Verdicts.assertExplains(rejected.reason(), NEVER_IN_A_REASON);
            return record;
        }
        AuditEventDraft draft = ((ParsedRecord.Accepted) record).draft();
        String text = new String(line, StandardCharsets.UTF_8);
        assertNotNull(draft.occurredAt());
        assertFalse(draft.agentId().isBlank());
        assertFalse(draft.action().isBlank());
        // Unless the line names an id of its own, its id is its digest: the same line, the same event.
        if (!draft.sourceEventId().equals(LineDigest.UNKEYED.of(line))) {
            Verdicts.assertFromTheRecord(text, draft.sourceEventId());
        }
        Verdicts.assertFromTheRecord(text, draft.agentId());
        Verdicts.assertFromTheRecord(text, draft.action());
        Verdicts.assertJsonObject(draft.contentJson());
        return record;
    }

    ParsedRecord parseAndCheck(String line) {
        return parseAndCheck(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void corruptedLinesAreRejectedNeverThrown() {
        byte[] original = AgentActionLogFormatTest.EXAMPLE.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20261121);
        int rejected = 0;
        int accepted = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] line = original.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                line[random.nextInt(line.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                line = Arrays.copyOf(line, random.nextInt(line.length + 1));
            }
            ParsedRecord record = parseAndCheck(line);
            if (Verdicts.clearlyCorrupted(line)) {
                assertInstanceOf(ParsedRecord.Rejected.class, record, "accepted a corrupted line in round " + round);
            }
            if (record instanceof ParsedRecord.Rejected) {
                rejected++;
            } else {
                accepted++;
            }
        }
        // Most edits break the line; some land in values and keys and must still be read right.
        assertTrue(rejected > 10_000, "rejected " + rejected);
        assertTrue(accepted > 300, "accepted " + accepted);
    }

    @Test
    void everyKnownFieldWithEveryKindOfValueIsAnsweredWithoutThrowing() {
        String[] names = {"timestamp", "ts", "time", "@timestamp", "agent_id", "agent", "action", "operation", "event_id", "id",
            "agent_name", "agent_version", "deployment", "region", "cloud_region", "user", "user_id", "subject", "subject_id",
            "customer_id", "session_id", "session", "target", "result", "status", "outcome", "reason", "user_confirmed",
            "human_confirmed", "confirmed", "model", "error", "data_category", "category", "tokens", "input_tokens",
            "output_tokens", "prompt_tokens", "completion_tokens", "latency_ms", "latency"};
        String[] values = {"null", "true", "false", "0", "-1", "1.5", "1e400", "-0.0", "\"\"", "\" \"", "\"x\"", "\"-5\"",
            "\"1.2s\"", "\"2026-11-20T10:00:00Z\"", "1795000000000", "{}", "[]", "{\"input\": {}}", "{\"message\": []}",
            "{\"type\": null, \"message\": null}", "[null]", "\"\\u0000\""};
        int accepted = 0;
        for (String name : names) {
            for (String value : values) {
                String line = "{\"timestamp\": \"2026-11-20T10:00:00Z\", \"agent_id\": \"a\", \"action\": \"x\", \""
                        + name + "\": " + value + "}";
                if (parseAndCheck(line) instanceof ParsedRecord.Accepted) {
                    accepted++;
                }
                // One member alone never holds the time, the agent and the action an event needs.
                line = "{\"" + name + "\": " + value + "}";
                assertInstanceOf(ParsedRecord.Rejected.class, parseAndCheck(line), line);
            }
        }
        assertTrue(accepted > names.length * values.length / 3, "accepted " + accepted);
    }

    @Test
    void absurdNumbersAreAnsweredQuicklyWithoutThrowing() {
        String core = AgentActionLogFormatTest.CORE;
        // A hang guard, not a speed goal: 1e999999999 expanded into its billion digits would never
        // finish, while a loaded build machine may take seconds for what runs in milliseconds here.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals(0L, accepted("{" + core + ", \"latency_ms\": 1e-999999999}").latencyMs());
            assertEquals("1E-999999999", accepted("{" + core + ", \"model\": 1e-999999999}").model());
            assertEquals("field 'input_tokens' must be a non-negative integer",
                    rejected("{" + core + ", \"input_tokens\": 1e-999999999}"));
            assertEquals("field 'latency_ms' is too large to be a latency",
                    rejected("{" + core + ", \"latency_ms\": 1e999999999}"));
            assertEquals("field 'latency_ms' has more digits than a latency can have",
                    rejected("{" + core + ", \"latency_ms\": 5." + "0".repeat(100) + "1}"));
            assertEquals("field 'event_id' must be a string or an integer, but is a number",
                    rejected("{" + core + ", \"event_id\": 1" + "0".repeat(100) + "e-100}"));
            assertEquals("not valid JSON: a number has too many digits",
                    rejected("{" + core + ", \"input_tokens\": 812." + "0".repeat(200_000) + "}"));
            assertEquals("not valid JSON: a number has too many digits",
                    rejected("{\"timestamp\": 1" + "0".repeat(200_000) + "e-199988, \"agent_id\": \"a\", \"action\": \"x\"}"));
        });
    }

    AuditEventDraft accepted(String line) {
        return assertInstanceOf(ParsedRecord.Accepted.class, format.parse(line.getBytes(StandardCharsets.UTF_8))).draft();
    }

    String rejected(String line) {
        return assertInstanceOf(ParsedRecord.Rejected.class, format.parse(line.getBytes(StandardCharsets.UTF_8))).reason();
    }

    @Test
    void linesOfEverySizeReadOneAfterAnotherOnOneThreadGiveTheAnswersEachGetsAlone() throws Exception {
        // A thread decodes into a buffer it keeps: a long line must not leave characters behind
        // for a shorter one, nor a bad byte of one line change the position reported for the next.
        String core = AgentActionLogFormatTest.CORE;
        List<byte[]> lines = new ArrayList<>();
        lines.add(("{" + core + ", \"prompt\": \"" + "long prompt ".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        lines.add(("{" + core + ", \"prompt\": \"short\"}").getBytes(StandardCharsets.UTF_8));
        lines.add(("{" + core + ", \"prompt\": \"" + "\u00e9t\u00e9 ".repeat(3_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] badByte = ("{" + core + ", \"prompt\": \"ab\"}").getBytes(StandardCharsets.UTF_8);
        badByte[badByte.length - 4] = (byte) 0xC3;
        lines.add(badByte);
        lines.add(("{" + core + "}").getBytes(StandardCharsets.UTF_8));
        lines.add(("{" + core + ", \"prompt\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        lines.add("{\"a\": 1".getBytes(StandardCharsets.UTF_8));
        lines.add(("{" + core + ", \"output\": \"ok\"}").getBytes(StandardCharsets.UTF_8));

        List<ParsedRecord> alone = new ArrayList<>();
        for (byte[] line : lines) {
            ExecutorService freshThread = Executors.newSingleThreadExecutor();
            try {
                alone.add(freshThread.submit(() -> format.parse(line)).get());
            } finally {
                freshThread.shutdown();
            }
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(alone.get(i), format.parse(lines.get(i)), "line " + (i + 1) + " in round " + (round + 1));
            }
        }
        assertEquals("not valid UTF-8: invalid byte sequence at byte " + (badByte.length - 3),
                assertInstanceOf(ParsedRecord.Rejected.class, alone.get(3)).reason());
        assertEquals("short", assertInstanceOf(ParsedRecord.Accepted.class, alone.get(1)).draft().contentJson()
                .replaceAll(".*\"prompt\":\"([^\"]*)\".*", "$1"));
    }

    @Test
    void oneInstanceGivesTheSameAnswersToConcurrentCallers() throws Exception {
        List<byte[]> lines = List.of(
                AgentActionLogFormatTest.EXAMPLE.getBytes(StandardCharsets.UTF_8),
                "{\"ts\": 1771392840123, \"agent\": \"b\", \"operation\": \"y\", \"prompt\": \"hi\"}".getBytes(StandardCharsets.UTF_8),
                "{\"ts\": \"2026-02-18T05:34:00\", \"agent\": \"b\", \"operation\": \"y\"}".getBytes(StandardCharsets.UTF_8),
                "not json".getBytes(StandardCharsets.UTF_8));
        List<ParsedRecord> expected = lines.stream().map(format::parse).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ParsedRecord>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<ParsedRecord> last = null;
                    for (int i = 0; i < 2_000; i++) {
                        last = lines.stream().map(format::parse).toList();
                        assertEquals(expected, last);
                    }
                    return last;
                }));
            }
            for (Future<List<ParsedRecord>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
