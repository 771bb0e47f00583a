/**
 * The mechanics of storing chunks in bulk, apart from what is stored: running a chunk's slices in
 * order while the next are prepared on another core
 * ({@link io.trailkeeper.ingest.store.control.ChunkSlices}), knowing which chunks of a source a run
 * wrote itself so an early duplicate look-up can be trusted
 * ({@link io.trailkeeper.ingest.store.control.RecentWrites}), and passing a chunk's ids as one SQL
 * parameter ({@link io.trailkeeper.ingest.store.control.JsonStringArray}).
 */
package io.trailkeeper.ingest.store.control;
