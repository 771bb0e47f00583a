/**
 * Reading one JSON record, the toolkit every format shares: decoding a line into members with
 * bounded memory ({@link io.trailkeeper.ingest.format.json.control.JsonLineDecoder}, byte order mark
 * and ASCII whitespace), typed access that remembers which members were used
 * ({@link io.trailkeeper.ingest.format.json.control.RecordFields}), whole numbers, timestamps,
 * embedded JSON, the compact JSON text all content is written in, the check that text can be stored
 * as sent ({@link io.trailkeeper.ingest.format.json.control.StorableText}), and the exception that
 * carries a rejection's reason. It knows JSON and the limits of storage, no format's field names.
 */
package io.trailkeeper.ingest.format.json.control;
