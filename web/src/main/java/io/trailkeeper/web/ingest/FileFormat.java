package io.trailkeeper.web.ingest;

import io.trailkeeper.trail.entity.SourceKind;
import java.util.Arrays;
import java.util.List;

/** The trail file formats as people and API clients name them. */
public enum FileFormat {
    AGENT_ACTIONS("agent-actions", "Agent actions (JSON lines)", SourceKind.JSONL_FILE),
    OTLP_JSON("otlp-json", "OpenTelemetry GenAI spans (OTLP/JSON)", SourceKind.OTLP_JSON);

    private final String name;
    private final String label;
    private final SourceKind kind;

    FileFormat(String name, String label, SourceKind kind) {
        this.name = name;
        this.label = label;
        this.kind = kind;
    }

    public static SourceKind named(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst()
                .map(f -> f.kind)
                .orElseThrow(() -> new IllegalArgumentException("format must be one of " + names() + ", not '" + name + "'"));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(f -> f.name).toList();
    }

    public String getName() {
        return name;
    }

    public String getLabel() {
        return label;
    }
}
