/**
 * OpenTelemetry GenAI spans as OTLP/JSON ({@code ExportTraceServiceRequest}), both convention
 * dialects: the envelope of resource and scope spans, OTLP's value shapes (AnyValue, ids, times,
 * kinds, status, span events) and the reading of one span as an audit event
 * ({@link io.trailkeeper.ingest.format.otlp.control.OtlpGenAiSpanFormat}, one
 * {@link io.trailkeeper.ingest.entity.SpanRecord} per span, a bad span set aside alone).
 */
package io.trailkeeper.ingest.format.otlp.control;
