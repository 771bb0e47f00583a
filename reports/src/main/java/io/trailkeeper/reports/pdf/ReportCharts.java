package io.trailkeeper.reports.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The chart types evidence reports use, in one sober look: flat colours, no shadows or gradients, whole
 * numbers on count axes and days in UTC, since the numbers must match the attached data exactly.
 * Labels go through the document font's {@link ReportFont#printable(String)} so agent-supplied names
 * cannot ask for glyphs the embedded font does not have.
 */
public final class ReportCharts {

    private static final Color SERIES = new Color(0x2F, 0x5D, 0x8A);
    private static final Color GRID = new Color(0xC8, 0xCF, 0xD6);
    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    private final ReportFonts fonts;

    public ReportCharts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** A line chart of one value per day (e.g. events per day); days without a value are not drawn. */
    public JFreeChart daily(String title, String valueLabel, Map<LocalDate, Long> valuesByDay) {
        TimeSeries series = new TimeSeries(printable(valueLabel));
        valuesByDay.forEach((day, value) -> series.addOrUpdate(
                new Day(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()), UTC, Locale.ROOT),
                value));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(printable(title), "Day (UTC)",
                printable(valueLabel), new TimeSeriesCollection(series, UTC), false, false, false);
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(UTC);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, SERIES);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f));
        plot.setRenderer(renderer);
        countAxis((NumberAxis) plot.getRangeAxis());
        return chart;
    }

    /** A bar chart of one count per category (e.g. exceptions by criterion), in the map's order. */
    public JFreeChart bars(String title, String categoryLabel, String valueLabel, Map<String, Long> valuesByCategory) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String rowKey = printable(valueLabel);
        valuesByCategory.forEach((category, value) -> dataset.addValue(value, rowKey, printable(category)));
        JFreeChart chart = ChartFactory.createBarChart(printable(title), printable(categoryLabel), rowKey,
                dataset, PlotOrientation.VERTICAL, false, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, SERIES);
        renderer.setMaximumBarWidth(0.08);
        countAxis((NumberAxis) plot.getRangeAxis());
        return chart;
    }

    private static void countAxis(NumberAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // Counts as ReportFormats writes them: no grouping separator, whatever the server's locale.
        NumberFormat plain = NumberFormat.getIntegerInstance(Locale.ROOT);
        plain.setGroupingUsed(false);
        axis.setNumberFormatOverride(plain);
        axis.setAutoRangeIncludesZero(true);
    }

    private String printable(String text) {
        return fonts.regular().printable(text);
    }

    private static StandardChartTheme theme() {
        // Family names do not matter: ChartFontMapping draws every font with the embedded DejaVu face.
        StandardChartTheme theme = new StandardChartTheme("Trailkeeper");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 9));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        return theme;
    }
}
