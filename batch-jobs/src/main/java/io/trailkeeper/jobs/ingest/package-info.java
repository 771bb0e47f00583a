/**
 * The batch artifacts that pull audit trails from sources into Trailkeeper: readers that walk a
 * source (such as a multi-gigabyte JSON-lines file) record by record with constant memory, the
 * checkpoints that let a failed or stopped job resume exactly where it left off, and the steps
 * that hand each record to the ingest format readers and store what they accept. Line content is
 * never logged here, since it may contain prompts and personal data; lines are reported by file,
 * number and offset.
 */
package io.trailkeeper.jobs.ingest;
