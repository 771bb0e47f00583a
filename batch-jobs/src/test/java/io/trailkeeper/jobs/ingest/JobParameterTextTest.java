package io.trailkeeper.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class JobParameterTextTest {

    @Test
    void parametersComeBackAsTheyWereWrittenWhateverTheyContain() {
        Properties parameters = new Properties();
        parameters.setProperty("file", "/srv/inbox/a b=c:d#e!f\\g.jsonl");
        parameters.setProperty("source", "Ünïcødé source\nwith a line break");
        parameters.setProperty("fromStartTime", "2026-12-01T00:00:00Z");
        parameters.setProperty("empty", "");

        Properties read = JobParameterText.read(JobParameterText.write(parameters));

        assertEquals(parameters, read);
    }

    @Test
    void theTextHasOneSortedLineAParameterAndNoDateComment() {
        Properties parameters = new Properties();
        parameters.setProperty("sourceId", "s");
        parameters.setProperty("format", "JSONL_FILE");

        assertEquals("format=JSONL_FILE\nsourceId=s\n", JobParameterText.write(parameters));
    }
}
