/**
 * Web side of the audit trail: searching events with filters and paging, reading one event, and
 * the per-agent counts on the dashboard. Read-only for every role.
 */
package io.trailkeeper.web.trail;
