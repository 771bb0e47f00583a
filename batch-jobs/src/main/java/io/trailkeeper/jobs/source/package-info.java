/**
 * Pulling configured sources: "pull now" and the schedule. A file source's watched directory is
 * scanned for new or changed files, each imported in place by the job {@code trail-file-import}; a
 * Langfuse source starts the job {@code langfuse-pull}. Every execution is recorded as a pull of its
 * source (io.trailkeeper.source), and its status and counts are read back from the batch runtime.
 */
package io.trailkeeper.jobs.source;
