package io.trailkeeper.ingest.format.control;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.ingest.entity.SpanRecord;
import io.trailkeeper.ingest.format.agentaction.control.AgentActionLogFormat;
import io.trailkeeper.ingest.format.agentaction.control.LineDigest;
import io.trailkeeper.ingest.format.langfuse.control.LangfuseObservationFormat;
import io.trailkeeper.ingest.format.otlp.control.OtlpGenAiSpanFormat;
import io.trailkeeper.trail.entity.SourceKind;
import java.util.List;
import java.util.function.Function;

/**
 * How a source reads one record as kept: into the events it holds (one for an agent-action line,
 * one per span for an OTLP line, one for a Langfuse observation taken from an API page). The one
 * place that knows which format belongs to which kind of source, for imports and for re-processing
 * alike.
 */
public final class LineFormat {

    private LineFormat() {
    }

    /**
     * @param lineIds the source's scheme for the ids of agent-action lines that name none (see
     *     {@link LineDigest}); the other formats always carry ids of their own
     * @throws IllegalArgumentException for kinds that are not read from lines
     */
    public static Function<byte[], List<SpanRecord>> forKind(SourceKind kind, LineDigest lineIds) {
        switch (kind) {
            case JSONL_FILE: {
                AgentActionLogFormat agentActions = new AgentActionLogFormat(lineIds);
                return line -> List.of(single(agentActions.parse(line)));
            }
            case OTLP_JSON: {
                OtlpGenAiSpanFormat spans = new OtlpGenAiSpanFormat();
                return spans::parse;
            }
            case LANGFUSE_API: {
                LangfuseObservationFormat observations = new LangfuseObservationFormat();
                return observation -> List.of(single(observations.parse(observation)));
            }
            default:
                throw new IllegalArgumentException(kind + " sources are not read record by record");
        }
    }

    /** A line that holds exactly one record, as agent-action lines do. */
    public static SpanRecord single(ParsedRecord parsed) {
        return new SpanRecord(0, null, parsed);
    }
}
