/**
 * Web side of reports: gathers the figures of a period from the audit trail, hands the plain model to
 * the reports module for rendering, and serves the PDF to the REST API and to the pages.
 */
package io.trailkeeper.web.reports;
