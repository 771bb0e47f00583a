/**
 * The skeleton every evidence report (the SOC 2 report first) is rendered with: a plain model of
 * records ({@link io.trailkeeper.reports.evidence.EvidenceReport} with one {@link
 * io.trailkeeper.reports.evidence.Section} per criterion: what was checked, the population, the result,
 * the exceptions as a {@link io.trailkeeper.reports.evidence.DataTable}, an optional {@link
 * io.trailkeeper.reports.evidence.EvidenceChart}) that the caller fills and evaluates, and {@link
 * io.trailkeeper.reports.evidence.EvidenceReportPdf}, which turns it into a PDF/A-3b document with a
 * title page (including a notice when the signing certificate is a development one), contents, page
 * numbers, vector charts, and the model as JSON plus every list as CSV embedded as associated files
 * ({@link io.trailkeeper.reports.evidence.EvidenceFiles}); {@link
 * io.trailkeeper.reports.evidence.EvidenceIssuer} renders and signs in one step and refuses a report
 * whose stated signer is not the signing credential. The embedded data depends only on the model
 * and its checkpoint, not on when it was generated, so it can be reproduced byte for byte. Criteria
 * appear by id and a short title of our own; no framework text is reproduced.
 */
package io.trailkeeper.reports.evidence;
