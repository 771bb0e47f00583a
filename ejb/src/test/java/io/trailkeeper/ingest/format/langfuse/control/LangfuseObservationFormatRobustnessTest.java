package io.trailkeeper.ingest.format.langfuse.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.format.json.control.Verdicts;
import io.trailkeeper.trail.entity.AuditEventDraft;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the API sends, an observation comes back rejected with a reason, or accepted as an event
 * made of the observation's own values; parsing never throws.
 */
class LangfuseObservationFormatRobustnessTest {

    /** Personal values and prompts of the fixtures that no reason may quote. */
    static final List<String> NEVER_IN_A_REASON = List.of("traveller-5521", "sess-8812", "Lisbon", "Casa Azul",
            "booking service did not answer");

    final LangfuseObservationFormat format = new LangfuseObservationFormat(
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"generation.json", "tool-error.json", "agent-minimal.json"})
    void everyCutAndEveryCorruptedByteIsAVerdict(String fixture) {
        byte[] observation = LangfuseObservationFormatTest.fixture(fixture).getBytes(StandardCharsets.UTF_8);
        int closingBrace = new String(observation, StandardCharsets.UTF_8).lastIndexOf('}');
        for (int cut = 0; cut < observation.length; cut++) {
            ParsedRecord verdict = verdict(Arrays.copyOf(observation, cut));
            if (cut <= closingBrace) {
                // Cut before its closing brace, an observation is no JSON object at all.
                assertInstanceOf(ParsedRecord.Rejected.class, verdict, "cut after " + cut + " bytes");
            }
        }
        Random random = new Random(fixture.hashCode());
        int rejected = 0;
        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] corrupted = observation.clone();
            corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            ParsedRecord verdict = verdict(corrupted);
            if (Verdicts.clearlyCorrupted(corrupted)) {
                assertInstanceOf(ParsedRecord.Rejected.class, verdict, "accepted a corrupted observation in round " + i);
            }
            if (verdict instanceof ParsedRecord.Rejected) {
                rejected++;
            } else {
                accepted++;
            }
        }
        // Half the bytes are not ASCII, and one alone is never UTF-8; an ASCII byte often lands in a value.
        assertTrue(rejected > 1000, "rejected " + rejected);
        assertTrue(accepted > 100, "accepted " + accepted);
    }

    /** Parses and checks what every answer must satisfy, whatever the input. */
    private ParsedRecord verdict(byte[] bytes) {
        ParsedRecord parsed = format.parse(bytes);
        assertNotNull(parsed);
        if (parsed instanceof ParsedRecord.Rejected rejected) {
            Verdicts.assertExplains(rejected.reason(), NEVER_IN_A_REASON);
            return parsed;
        }
        AuditEventDraft draft = ((ParsedRecord.Accepted) parsed).draft();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertNotNull(draft.occurredAt());
        assertFalse(draft.sourceEventId().isBlank());
        Verdicts.assertFromTheRecord(text, draft.sourceEventId());
        // The agent is the trace's or the agent's name, else the project, else the format's stand-in.
        if (!draft.agentId().equals(LangfuseObservationFormat.UNNAMED_AGENT)) {
            Verdicts.assertFromTheRecord(text, draft.agentId().replaceFirst("^langfuse-project/", ""));
        }
        // The action is the type in lower case, or "observation" when the type is missing.
        if (!draft.action().equals("observation")) {
            Verdicts.assertFromTheRecord(text.toLowerCase(Locale.ROOT), draft.action());
        }
        if (draft.latencyMs() != null) {
            assertTrue(draft.latencyMs() >= 0, "an end before the start is rejected: " + draft.latencyMs());
        }
        Verdicts.assertJsonObject(draft.contentJson());
        return parsed;
    }
}
