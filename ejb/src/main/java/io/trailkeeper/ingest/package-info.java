/**
 * Ingest: turning what sources say into audit events. It reads each source format, sets aside
 * (quarantines) every record it cannot accept together with the reason and the raw bytes, and stores
 * accepted events exactly once per source, so pulling the same data again adds nothing.
 */
package io.trailkeeper.ingest;
