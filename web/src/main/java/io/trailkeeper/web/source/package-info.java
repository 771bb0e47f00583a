/**
 * Web side of sources: officers add, edit, test and pull the sources of audit trails over REST
 * ({@code /api/sources}) and on the sources page, and see each source's last pull, its counts and its
 * open quarantine. Auditors may look but not change.
 */
package io.trailkeeper.web.source;
