/**
 * The "Audit trail summary" report: what happened in a period, by which agents and which actions, with
 * the individual events listed for an auditor to sample. {@link
 * io.trailkeeper.reports.audittrail.AuditTrailSummary} is the plain model the caller fills from the
 * audit store (this module has no database or server dependency, so it can be tested alone), and
 * {@link io.trailkeeper.reports.audittrail.AuditTrailSummaryPdf} turns it into an archival PDF using the
 * generic building blocks of {@code io.trailkeeper.reports.pdf}. Deciding what goes into the model
 * (period, ordering, the cap on listed events) is the caller's job; this package only presents it
 * faithfully, including saying when the event list was cut.
 */
package io.trailkeeper.reports.audittrail;
