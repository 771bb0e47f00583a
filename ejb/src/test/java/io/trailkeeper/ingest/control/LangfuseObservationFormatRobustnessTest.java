package io.trailkeeper.ingest.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.trailkeeper.ingest.entity.ParsedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the API sends, an observation comes back accepted or rejected with a reason; parsing never throws. */
class LangfuseObservationFormatRobustnessTest {

    final LangfuseObservationFormat format = new LangfuseObservationFormat(
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"generation.json", "tool-error.json", "agent-minimal.json"})
    void everyCutAndEveryCorruptedByteIsAVerdict(String fixture) {
        byte[] observation = LangfuseObservationFormatTest.fixture(fixture).getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut < observation.length; cut++) {
            verdict(Arrays.copyOf(observation, cut));
        }
        Random random = new Random(fixture.hashCode());
        for (int i = 0; i < 2000; i++) {
            byte[] corrupted = observation.clone();
            corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            verdict(corrupted);
        }
    }

    private void verdict(byte[] bytes) {
        ParsedRecord parsed = format.parse(bytes);
        assertNotNull(parsed);
        if (parsed instanceof ParsedRecord.Rejected rejected) {
            assertNotNull(rejected.reason());
        }
    }
}
