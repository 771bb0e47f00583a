/**
 * Reusable building blocks for Trailkeeper's evidence PDFs, shared by every report type. A report
 * starts with {@link io.trailkeeper.reports.pdf.ArchivalDocument}, which sets up a PDF/A-2b document
 * (document information, XMP metadata with the PDF/A identification, an sRGB output intent) so the
 * file stays readable and verifiable for as long as the evidence must be kept; it embeds the DejaVu
 * fonts through {@link io.trailkeeper.reports.pdf.ReportFonts}, whose {@link
 * io.trailkeeper.reports.pdf.ReportFont} replaces any character the font cannot show instead of
 * failing, because audit data is user- and agent-supplied and must never break a report. Content is
 * laid out top to bottom with {@link io.trailkeeper.reports.pdf.PageFlow}; tables that break across
 * pages and repeat their header row come from {@link io.trailkeeper.reports.pdf.TableWriter} with
 * generic {@link io.trailkeeper.reports.pdf.TableColumn}s; long text is wrapped or cut with an
 * ellipsis by {@link io.trailkeeper.reports.pdf.TextFitter}; and once all pages exist, {@link
 * io.trailkeeper.reports.pdf.PageFrame} stamps the running header and the "Page x of y" footer, after
 * {@link io.trailkeeper.reports.pdf.TableOfContents} has inserted the contents pages. Reports that carry
 * their data declare PDF/A-3b ({@link io.trailkeeper.reports.pdf.ArchivalConformance}) and embed it with
 * {@link io.trailkeeper.reports.pdf.AssociatedFiles} (CSV from {@link io.trailkeeper.reports.pdf.CsvTable});
 * charts come from {@link io.trailkeeper.reports.pdf.ReportCharts} and are drawn as vector paths by
 * {@link io.trailkeeper.reports.pdf.VectorChart}, never as images. Nothing here knows about a particular
 * report's content.
 */
package io.trailkeeper.reports.pdf;
