package io.trailkeeper.reports.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report model as JSON (UTF-8), embedded in the PDF as its source data.
 *
 * <p>The output is deterministic: fixed key order, instants in ISO-8601 UTC, no whitespace. It leaves
 * out when and by whom the report was generated (they are on the title page and in the document
 * information), so two generations as of the same checkpoint embed byte-identical data, which is what
 * lets an auditor tell a regenerated report apart from a changed one. Strings are escaped per
 * RFC 8259, lone surrogates included, so any text recorded from an agent survives unchanged.
 */
public final class EvidenceJson {

    private final StringBuilder out = new StringBuilder();

    private EvidenceJson() {
    }

    public static byte[] of(EvidenceReport report) {
        EvidenceJson json = new EvidenceJson();
        json.report(report);
        return json.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void report(EvidenceReport r) {
        out.append('{');
        field("title", r.title()).append(',');
        field("organisation", r.organisation()).append(',');
        field("framework", r.framework()).append(',');
        key("period").append("{");
        field("start", r.period().start().toString()).append(',');
        field("end", r.period().end().toString()).append(",");
        field("endExclusive", true).append("},");
        field("scope", r.scope()).append(',');
        key("checkpoint").append('{');
        field("treeSize", r.checkpoint().treeSize()).append(',');
        field("rootHash", r.checkpoint().rootHash()).append(',');
        field("sealedAt", r.checkpoint().sealedAt().toString()).append("},");
        key("signer").append('{');
        field("subject", r.signer().subject()).append(',');
        field("development", r.signer().development()).append("},");
        key("sections").append('[');
        for (int i = 0; i < r.sections().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            section(r.sections().get(i));
        }
        out.append("]}");
    }

    private void section(Section s) {
        out.append('{');
        field("criterionId", s.criterionId()).append(',');
        field("title", s.title()).append(',');
        field("whatWasChecked", s.whatWasChecked()).append(',');
        field("populationSize", s.populationSize()).append(',');
        key("population");
        table(s.population());
        out.append(',');
        field("result", s.result().name()).append(',');
        key("exceptions");
        table(s.exceptions());
        out.append(',');
        key("chart");
        chart(s.chart());
        out.append('}');
    }

    private void table(DataTable table) {
        if (table == null) {
            out.append("null");
            return;
        }
        out.append('{');
        key("columns");
        strings(table.columns());
        out.append(',');
        key("rows").append('[');
        for (int i = 0; i < table.rows().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            strings(table.rows().get(i));
        }
        out.append("]}");
    }

    private void chart(EvidenceChart chart) {
        if (chart == null) {
            out.append("null");
            return;
        }
        out.append('{');
        if (chart instanceof EvidenceChart.Daily daily) {
            field("type", "daily").append(',');
            field("title", daily.title()).append(',');
            field("valueLabel", daily.valueLabel()).append(',');
            key("days").append('[');
            for (int i = 0; i < daily.days().size(); i++) {
                out.append(i > 0 ? ",{" : "{");
                field("day", daily.days().get(i).day().toString()).append(',');
                field("count", daily.days().get(i).count()).append('}');
            }
        } else if (chart instanceof EvidenceChart.Categories bars) {
            field("type", "categories").append(',');
            field("title", bars.title()).append(',');
            field("categoryLabel", bars.categoryLabel()).append(',');
            field("valueLabel", bars.valueLabel()).append(',');
            key("categories").append('[');
            for (int i = 0; i < bars.categories().size(); i++) {
                out.append(i > 0 ? ",{" : "{");
                field("category", bars.categories().get(i).category()).append(',');
                field("count", bars.categories().get(i).count()).append('}');
            }
        }
        out.append("]}");
    }

    private void strings(List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
    }

    private StringBuilder key(String name) {
        string(name);
        return out.append(':');
    }

    private StringBuilder field(String name, String value) {
        key(name);
        string(value);
        return out;
    }

    private StringBuilder field(String name, long value) {
        return key(name).append(value);
    }

    private StringBuilder field(String name, boolean value) {
        return key(name).append(value);
    }

    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
