package io.trailkeeper.ingest.format.otlp.control;

import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.integer;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.line;
import static io.trailkeeper.ingest.format.otlp.control.OtlpLines.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.trailkeeper.ingest.entity.ParsedRecord;
import io.trailkeeper.trail.entity.AuditEventDraft;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How attribute values of every AnyValue kind appear in the content, and which are refused. */
class OtlpAnyValueTest {

    final OtlpGenAiSpanFormat format = new OtlpGenAiSpanFormat(Clock.fixed(OtlpLines.NOW, ZoneOffset.UTC));

    ParsedRecord parse(String anyValue) {
        String json = line(span().attribute("app.value", anyValue)).json();
        return format.parse(json.getBytes(StandardCharsets.UTF_8)).get(0).parsed();
    }

    /** @return the attribute's value as it is written in the content */
    String converted(String anyValue) {
        AuditEventDraft draft = assertInstanceOf(ParsedRecord.Accepted.class, parse(anyValue)).draft();
        JsonObject content = OtlpLines.JSON.createReader(new StringReader(draft.contentJson())).readObject();
        return content.getJsonObject("attributes").get("app.value").toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"intValue\":\"0\"}                      | 0",
        "{\"intValue\":\"-42\"}                    | -42",
        "{\"intValue\":\"9007199254740991\"}       | 9007199254740991",
        "{\"intValue\":\"-9007199254740991\"}      | -9007199254740991",
        "{\"intValue\":\"9007199254740992\"}       | \"9007199254740992\"",
        "{\"intValue\":\"9007199254740993\"}       | \"9007199254740993\"",
        "{\"intValue\":\"-9007199254740993\"}      | \"-9007199254740993\"",
        "{\"intValue\":\"9223372036854775807\"}    | \"9223372036854775807\"",
        "{\"intValue\":\"-9223372036854775808\"}   | \"-9223372036854775808\"",
        "{\"intValue\":9007199254740993}           | \"9007199254740993\"",
        "{\"intValue\":4.2e1}                      | 42",
    })
    void int64KeepsEveryDigitAndIsANumberOnlyWhereDoublesAreExact(String anyValue, String json) {
        assertEquals(json, converted(anyValue));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"intValue\":\"9223372036854775808\"}",
        "{\"intValue\":\"-9223372036854775809\"}",
        "{\"intValue\":\"123456789012345678901234567890\"}",
        "{\"intValue\":1e400}",
        "{\"intValue\":1.5}",
        "{\"intValue\":\"1.0\"}",
        "{\"intValue\":\" 7\"}",
        "{\"intValue\":true}",
    })
    void valuesBeyondInt64AreRefused(String anyValue) {
        assertEquals("attribute 'app.value' has an intValue that is not a 64-bit integer",
                assertInstanceOf(ParsedRecord.Rejected.class, parse(anyValue)).reason());
    }

    @Test
    void tokenCountsBeyondDoublePrecisionArriveExactly() {
        String json = line(span().attribute("gen_ai.usage.input_tokens", integer("9007199254740993"))
                .attribute("gen_ai.usage.output_tokens", integer("9223372036854775807"))).json();
        AuditEventDraft draft = assertInstanceOf(ParsedRecord.Accepted.class,
                format.parse(json.getBytes(StandardCharsets.UTF_8)).get(0).parsed()).draft();
        assertEquals(9007199254740993L, draft.inputTokens());
        assertEquals(Long.MAX_VALUE, draft.outputTokens());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"doubleValue\":0.875}             | 0.875",
        "{\"doubleValue\":1e400}             | 1E+400",
        "{\"doubleValue\":\"2.5\"}           | 2.5",
        "{\"doubleValue\":\"NaN\"}           | \"NaN\"",
        "{\"doubleValue\":\"-Infinity\"}     | \"-Infinity\"",
        "{\"boolValue\":true}                | true",
        "{\"stringValue\":\"\"}              | \"\"",
        "{\"bytesValue\":\"3q2+7w==\"}       | \"3q2+7w==\"",
        "{\"bytesValue\":\"3q2-7w\"}         | \"3q2-7w\"",
        "{}                                   | null",
        "{\"stringValue\":null}              | null",
        "{\"arrayValue\":{}}                 | []",
        "{\"arrayValue\":{\"values\":[{},{\"boolValue\":false}]}} | [null,false]",
        "{\"kvlistValue\":{\"values\":[{\"key\":\"a\",\"value\":{\"intValue\":\"1\"}},{\"key\":\"a\",\"value\":{\"intValue\":\"2\"}},{\"key\":\"b\"}]}} | {\"a\":2,\"b\":null}",
        "{\"kvlistValue\":{\"values\":[{\"key\":\"n\",\"value\":{\"arrayValue\":{\"values\":[{\"intValue\":\"9007199254740993\"}]}}}]}} | {\"n\":[\"9007199254740993\"]}",
    })
    void everyKindBecomesPlainJson(String anyValue, String json) {
        assertEquals(json, converted(anyValue));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"stringValue\":5}                            | attribute 'app.value' has a malformed stringValue",
        "{\"boolValue\":\"true\"}                       | attribute 'app.value' has a malformed boolValue",
        "{\"doubleValue\":\"fast\"}                     | attribute 'app.value' has a doubleValue that is not a number",
        "{\"bytesValue\":\"not base64!\"}               | attribute 'app.value' has a bytesValue that is not base64",
        "{\"arrayValue\":[]}                            | attribute 'app.value' has a malformed arrayValue",
        "{\"arrayValue\":{\"values\":{}}}               | attribute 'app.value' has a malformed arrayValue",
        "{\"kvlistValue\":{\"values\":[7]}}             | attribute 'app.value' has a malformed kvlistValue",
        "{\"kvlistValue\":{\"values\":[{\"value\":{}}]}} | attribute 'app.value' has a kvlistValue entry without a string key",
        "{\"stringValue\":\"a\",\"intValue\":\"1\"}     | attribute 'app.value' has more than one value (stringValue, intValue)",
        "\"plain\"                                       | attribute 'app.value' must have an AnyValue object as value, but has a string",
    })
    void malformedValuesAreRefusedNamingTheAttribute(String anyValue, String reason) {
        assertEquals(reason, assertInstanceOf(ParsedRecord.Rejected.class, parse(anyValue)).reason());
    }

    @Test
    void anAttributeWithoutKeyIsRefused() {
        String json = line(span().attribute("app.first", "{}")).json()
                .replace("{\"key\":\"app.first\",", "{");
        assertEquals("field 'attributes[1]' has no key",
                assertInstanceOf(ParsedRecord.Rejected.class, format.parse(json.getBytes(StandardCharsets.UTF_8)).get(0).parsed()).reason());
    }

    @Test
    void aDuplicateAttributeKeepsTheLastValueAtTheFirstPlace() {
        String json = line(span().text("app.a", "1").text("app.b", "2")).json()
                .replace("]}]}]}]}", ",{\"key\":\"app.a\",\"value\":{\"stringValue\":\"3\"}}]}]}]}]}");
        AuditEventDraft draft = assertInstanceOf(ParsedRecord.Accepted.class,
                format.parse(json.getBytes(StandardCharsets.UTF_8)).get(0).parsed()).draft();
        assertEquals("{\"app.a\":\"3\",\"app.b\":\"2\"}",
                OtlpLines.JSON.createReader(new StringReader(draft.contentJson())).readObject().getJsonObject("attributes").toString());
    }
}
