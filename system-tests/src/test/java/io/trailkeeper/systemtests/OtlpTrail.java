package io.trailkeeper.systemtests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Builds OTLP/JSON trace export lines (the OpenTelemetry file exporter's format) with GenAI spans,
 * one ExportTraceServiceRequest per line, for an agent whose name is unique to the test.
 */
final class OtlpTrail {

    final String agent = "otlp-agent-" + UUID.randomUUID().toString().substring(0, 8);
    private final String traceId = HexFormat.of().formatHex(uuidBytes()) ;
    private final List<String> spans = new ArrayList<>();

    OtlpTrail span(String operation, Instant start, long millis, String extraAttributes) {
        String spanId = traceId.substring(0, 14) + String.format("%02x", spans.size() + 1);
        return rawSpan("{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId + "\",\"name\":\"" + operation
                + "\",\"kind\":3,\"startTimeUnixNano\":\"" + nanos(start) + "\",\"endTimeUnixNano\":\"" + nanos(start.plusMillis(millis))
                + "\",\"attributes\":[" + attr("gen_ai.operation.name", operation) + "," + attr("gen_ai.agent.id", agent)
                + "," + attr("gen_ai.provider.name", "openai") + "," + attr("user.id", "emp-4711")
                + (extraAttributes.isEmpty() ? "" : "," + extraAttributes) + "],\"status\":{\"code\":1}}");
    }

    OtlpTrail rawSpan(String spanJson) {
        spans.add(spanJson);
        return this;
    }

    String line() {
        return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[" + attr("service.name", "travel-desk") + ","
                + attr("cloud.provider", "aws") + "," + attr("cloud.region", "eu-west-1") + "]},"
                + "\"scopeSpans\":[{\"scope\":{\"name\":\"test.instrumentation\"},\"spans\":[" + String.join(",", spans) + "]}]}]}\n";
    }

    static String attr(String key, String value) {
        return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}";
    }

    static String intAttr(String key, long value) {
        return "{\"key\":\"" + key + "\",\"value\":{\"intValue\":\"" + value + "\"}}";
    }

    private static String nanos(Instant instant) {
        return instant.getEpochSecond() + String.format("%09d", instant.getNano());
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }
}
