package io.trailkeeper.trail.entity;

/** The formats and protocols Trailkeeper pulls audit trails from. */
public enum SourceKind {
    /** One agent action per line, in the agent-action log format. */
    JSONL_FILE,
    /** OpenTelemetry GenAI spans, OTLP/JSON file-exporter format. */
    OTLP_JSON,
    /** Langfuse's public observations API. */
    LANGFUSE_API
}
