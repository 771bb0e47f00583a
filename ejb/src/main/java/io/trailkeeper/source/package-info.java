/**
 * Sources: how compliance officers configure where audit trails are pulled from. Each audit source
 * (its identity stays in {@code trail}) gets settings here: paused or enabled, a watched directory and
 * poll interval for JSON-lines and OTLP/JSON files, base URL, page size and the names of the
 * configuration properties holding the credentials for Langfuse's public API. It validates those
 * settings, tests a source (directory readable, credentials resolvable, API reachable), decides which
 * files of a watched directory are new, and records every pull so officers see the last pull and its
 * counts. Starting the jobs that pull lives in {@code batch-jobs} (io.trailkeeper.jobs.source).
 */
package io.trailkeeper.source;
