/**
 * Web side of the audit trail: searching events with filters and paging (REST and the events browser,
 * whose searches are bookmarkable URLs holding pseudonyms only), reading one event, and the per-agent
 * counts on the dashboard. Read-only for every role.
 */
package io.trailkeeper.web.trail;
