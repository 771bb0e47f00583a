package io.trailkeeper.ingest.format.otlp.control;

import io.trailkeeper.ingest.format.json.control.InvalidRecordException;
import io.trailkeeper.ingest.format.json.control.WholeNumber;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A span's status (opentelemetry-proto, trace/v1/trace.proto, {@code Status}). The code is an
 * enum, which OTLP/JSON writes as an integer; the enum names, which protobuf's generic JSON mapping
 * writes instead, are accepted too because some exporters use that mapping.
 *
 * @param message the description the span carries, which the specification reserves for errors
 *     but instrumentations also set otherwise; null when absent
 */
record SpanStatus(Code code, String message) {

    enum Code {
        UNSET("unset"), OK("ok"), ERROR("error");

        /** The value of the event's result column. */
        final String result;

        Code(String result) {
            this.result = result;
        }
    }

    static SpanStatus read(OtlpMessage span) {
        OtlpMessage status = span.message("status");
        if (status == null) {
            return new SpanStatus(Code.UNSET, null);
        }
        return new SpanStatus(code(status), status.string("message"));
    }

    private static Code code(OtlpMessage status) {
        JsonValue value = status.get("code");
        if (value == null) {
            return Code.UNSET;
        }
        Code code = switch (value.getValueType()) {
            case NUMBER -> {
                Long number = WholeNumber.exactLong(((JsonNumber) value).bigDecimalValue());
                yield number == null || number < 0 || number > 2 ? null : Code.values()[number.intValue()];
            }
            case STRING -> switch (((JsonString) value).getString()) {
                case "STATUS_CODE_UNSET" -> Code.UNSET;
                case "STATUS_CODE_OK" -> Code.OK;
                case "STATUS_CODE_ERROR" -> Code.ERROR;
                default -> null;
            };
            default -> null;
        };
        if (code == null) {
            throw new InvalidRecordException("field " + status.name("code") + " must be 0 (unset), 1 (ok) or 2 (error)");
        }
        return code;
    }
}
