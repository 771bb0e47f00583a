package io.trailkeeper.reports.evidence;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.jfree.chart.JFreeChart;

import io.trailkeeper.reports.pdf.FieldList;
import io.trailkeeper.reports.pdf.FieldList.Field;
import io.trailkeeper.reports.pdf.PageFlow;
import io.trailkeeper.reports.pdf.ReportCharts;
import io.trailkeeper.reports.pdf.ReportFonts;
import io.trailkeeper.reports.pdf.ReportFormats;
import io.trailkeeper.reports.pdf.TableColumn;
import io.trailkeeper.reports.pdf.TableOfContents;
import io.trailkeeper.reports.pdf.TableStyle;
import io.trailkeeper.reports.pdf.TableWriter;
import io.trailkeeper.reports.pdf.VectorChart;

/**
 * One criterion's section: heading, what was checked, the population and result, the chart if any, and
 * the exceptions as a table that continues across pages under its repeated header. Populations are
 * not printed (they can be millions of rows); the section names the attached CSV that holds them.
 */
final class SectionWriter {

    static final String NO_EXCEPTIONS = "No exceptions.";
    private static final float CHART_HEIGHT = 180f;
    private static final int CELL_LINES = 3;

    private final PDDocument document;
    private final ReportFonts fonts;
    private final PageFlow flow;
    private final TableWriter tables;
    private final VectorChart charts;

    SectionWriter(PDDocument document, ReportFonts fonts, PageFlow flow) {
        this.document = document;
        this.fonts = fonts;
        this.flow = flow;
        this.tables = new TableWriter(fonts, TableStyle.standard());
        this.charts = new VectorChart(document, fonts);
    }

    static String heading(Section section) {
        return section.criterionId() + " \u00b7 " + section.title();
    }

    void write(TableOfContents contents, Section section) throws IOException {
        flow.heading(heading(section), fonts.bold(), EvidenceReportPdf.HEADING_SIZE,
                EvidenceReportPdf.KEEP_WITH_HEADING);
        contents.mark(document, heading(section));
        String population = ReportFormats.count(section.populationSize()) + " items" + (section.population() == null
                ? " (counted, not listed)" : "; listed in " + EvidenceFiles.populationFile(section));
        new FieldList(fonts, EvidenceReportPdf.BODY_SIZE, 110f).write(flow, List.of(
                new Field("What was checked", section.whatWasChecked()),
                new Field("Population", population),
                new Field("Result", section.result().text()),
                new Field("Exceptions", ReportFormats.count(section.exceptions().rows().size())
                        + "; listed in " + EvidenceFiles.exceptionsFile(section))));
        if (section.chart() != null) {
            flow.space(8f);
            charts.draw(flow, chart(section.chart()), CHART_HEIGHT);
        }
        flow.space(8f);
        if (section.exceptions().rows().isEmpty()) {
            flow.paragraph(NO_EXCEPTIONS, fonts.regular(), EvidenceReportPdf.BODY_SIZE);
        } else {
            tables.write(flow, columns(section.exceptions()), section.exceptions().rows());
        }
    }

    private JFreeChart chart(EvidenceChart chart) {
        ReportCharts factory = new ReportCharts(fonts);
        if (chart instanceof EvidenceChart.Daily daily) {
            Map<LocalDate, Long> values = new LinkedHashMap<>();
            daily.days().forEach(d -> values.put(d.day(), d.count()));
            return factory.daily(daily.title(), daily.valueLabel(), values);
        }
        EvidenceChart.Categories bars = (EvidenceChart.Categories) chart;
        Map<String, Long> values = new LinkedHashMap<>();
        bars.categories().forEach(c -> values.put(c.category(), c.count()));
        return factory.bars(bars.title(), bars.categoryLabel(), bars.valueLabel(), values);
    }

    private static List<TableColumn<List<String>>> columns(DataTable table) {
        List<TableColumn<List<String>>> columns = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            int index = c;
            columns.add(TableColumn.<List<String>>left(table.columns().get(c), 1f, row -> row.get(index))
                    .wrapping(CELL_LINES));
        }
        return columns;
    }
}
