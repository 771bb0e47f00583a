package io.trailkeeper.reports.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;

import io.trailkeeper.reports.pdf.ArchivalConformance;
import io.trailkeeper.reports.pdf.ArchivalDocument;
import io.trailkeeper.reports.pdf.AssociatedFiles;
import io.trailkeeper.reports.pdf.AttachedFile;
import io.trailkeeper.reports.pdf.DocumentProperties;
import io.trailkeeper.reports.pdf.PageFlow;
import io.trailkeeper.reports.pdf.PageFrame;
import io.trailkeeper.reports.pdf.PageGeometry;
import io.trailkeeper.reports.pdf.ReportCharts;
import io.trailkeeper.reports.pdf.ReportFonts;
import io.trailkeeper.reports.pdf.ReportFormats;
import io.trailkeeper.reports.pdf.TableColumn;
import io.trailkeeper.reports.pdf.TableOfContents;
import io.trailkeeper.reports.pdf.TableStyle;
import io.trailkeeper.reports.pdf.TableWriter;
import io.trailkeeper.reports.pdf.VectorChart;

/**
 * Renders an {@link EvidenceReport} as an unsigned PDF/A-3b document: title page, table of contents,
 * a summary of results with a chart of exceptions by criterion, one section per criterion, and a list
 * of the embedded data files with their SHA-256, so even a printed copy pins down the data. The data
 * itself is embedded as associated files ({@link EvidenceFiles}). Sign the result with
 * {@code io.trailkeeper.reports.signing.PadesSigner}. Stateless and thread-safe.
 */
public final class EvidenceReportPdf {

    static final String PRODUCT = "Trailkeeper";
    static final String CONTENTS = "Contents";
    static final String SUMMARY = "Summary of results";
    static final String EMBEDDED_DATA = "Embedded data files";

    static final float HEADING_SIZE = 13f;
    static final float BODY_SIZE = 9.5f;
    static final float KEEP_WITH_HEADING = 80f;
    private static final float CHART_HEIGHT = 190f;

    /** Writes the PDF of {@code report}. */
    public byte[] render(EvidenceReport report) throws IOException {
        Objects.requireNonNull(report, "report");
        PageGeometry geometry = PageGeometry.a4Portrait();
        List<AttachedFile> files = EvidenceFiles.of(report);
        try (PDDocument document = ArchivalDocument.create(properties(report), ArchivalConformance.PDF_A_3B)) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            TableOfContents contents = new TableOfContents(CONTENTS);
            try (PageFlow flow = new PageFlow(document, geometry)) {
                new TitlePage(fonts).write(flow, report, files.size());
                flow.newPage();
                writeSummary(document, fonts, flow, contents, report);
                SectionWriter sections = new SectionWriter(document, fonts, flow);
                for (Section section : report.sections()) {
                    flow.space(18f);
                    sections.write(contents, section);
                }
                flow.newPage();
                writeFileList(document, fonts, flow, contents, files);
            }
            contents.insert(document, fonts, geometry, 0);
            new PageFrame(PRODUCT + " \u00b7 " + report.title(), report.title(),
                    report.organisation() + " \u00b7 " + period(report)).stamp(document, fonts, geometry);
            AssociatedFiles.attach(document, files);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static String period(EvidenceReport report) {
        return ReportFormats.utcDateTime(report.period().start()) + " \u2013 "
                + ReportFormats.utcDateTime(report.period().end());
    }

    private static DocumentProperties properties(EvidenceReport report) {
        return new DocumentProperties(report.title() + ", " + report.organisation() + ", " + period(report),
                PRODUCT, report.framework() + " evidence for " + report.organisation() + ", " + period(report)
                        + " (end exclusive), as of integrity checkpoint " + report.checkpoint().treeSize(),
                "Trailkeeper, compliance evidence, " + report.framework(), report.generatedAt());
    }

    private static void writeSummary(PDDocument document, ReportFonts fonts, PageFlow flow,
                                     TableOfContents contents, EvidenceReport report) throws IOException {
        flow.heading(SUMMARY, fonts.bold(), HEADING_SIZE, KEEP_WITH_HEADING);
        contents.mark(document, SUMMARY);
        flow.paragraph(report.sections().size() + " criteria, " + report.exceptionCount()
                + " exceptions in total.", fonts.regular(), BODY_SIZE);
        flow.space(6f);
        new TableWriter(fonts, TableStyle.standard()).write(flow, List.of(
                TableColumn.<Section>left("Criterion", 2f, Section::criterionId),
                TableColumn.<Section>left("Title", 6f, Section::title).wrapping(2),
                TableColumn.<Section>right("Population", 2f, s -> ReportFormats.count(s.populationSize())),
                TableColumn.<Section>right("Exceptions", 2f, s -> ReportFormats.count(s.exceptions().rows().size())),
                TableColumn.<Section>left("Result", 3f, s -> s.result().text())), report.sections());
        if (!report.sections().isEmpty()) {
            Map<String, Long> byCriterion = new LinkedHashMap<>();
            report.sections().forEach(s -> byCriterion.put(s.criterionId(), (long) s.exceptions().rows().size()));
            flow.space(12f);
            new VectorChart(document, fonts).draw(flow, new ReportCharts(fonts)
                    .bars("Exceptions by criterion", "Criterion", "Exceptions", byCriterion), CHART_HEIGHT);
        }
    }

    private static void writeFileList(PDDocument document, ReportFonts fonts, PageFlow flow,
                                      TableOfContents contents, List<AttachedFile> files) throws IOException {
        flow.heading(EMBEDDED_DATA, fonts.bold(), HEADING_SIZE, KEEP_WITH_HEADING);
        contents.mark(document, EMBEDDED_DATA);
        flow.paragraph("These files are embedded in this PDF (PDF/A-3 associated files; open the attachments "
                + "panel of your PDF viewer). The SHA-256 of each lets a reader check an extracted file.",
                fonts.regular(), BODY_SIZE);
        flow.space(6f);
        List<String[]> rows = new ArrayList<>();
        for (AttachedFile file : files) {
            rows.add(new String[] {file.name(), file.relationship().pdfName(), file.mimeType(),
                    ReportFormats.count(file.content().length), Sha256.hex(file.content())});
        }
        new TableWriter(fonts, TableStyle.standard()).write(flow, List.of(
                TableColumn.<String[]>left("File", 4f, r -> r[0]).wrapping(2),
                TableColumn.<String[]>left("Relationship", 2f, r -> r[1]),
                TableColumn.<String[]>left("Type", 3f, r -> r[2]),
                TableColumn.<String[]>right("Bytes", 2f, r -> r[3]),
                TableColumn.<String[]>left("SHA-256", 9f, r -> r[4]).wrapping(2)), rows);
    }
}
