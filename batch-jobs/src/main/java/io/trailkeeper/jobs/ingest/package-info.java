/**
 * The batch artifacts that pull audit trails from sources into Trailkeeper: readers that walk a
 * source record by record with constant memory (a multi-gigabyte JSON-lines file, or the pages of
 * an API such as Langfuse's observations API, fetched with bounded retries and explicit limits),
 * the checkpoints that let a failed or stopped job resume exactly where it left off (a byte offset,
 * or a page cursor and the index within the page), a file reader that decodes and masks lines
 * ahead of the chunk on a thread of its own so the database is rarely left waiting, and the steps that hand each record to the
 * ingest format readers and store what they accept. Record content, response bodies and
 * credentials are never logged here, since they may contain prompts, personal data or keys;
 * records are reported by position (file line and offset, or page and index).
 */
package io.trailkeeper.jobs.ingest;
