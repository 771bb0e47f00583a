package io.trailkeeper.reports.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.trailkeeper.reports.pdf.AttachedFile;
import io.trailkeeper.reports.pdf.AttachedFile.Relationship;
import io.trailkeeper.reports.pdf.CsvTable;

/**
 * The machine-readable files an evidence report carries inside itself: the whole model as
 * {@value #MODEL_FILE} (its source) and, per section, the exceptions and the listed population as CSV
 * (its data). Their dates are the checkpoint's, not the generation time, so the same checkpoint always
 * gives the same files.
 */
public final class EvidenceFiles {

    public static final String MODEL_FILE = "report.json";

    private EvidenceFiles() {
    }

    public static List<AttachedFile> of(EvidenceReport report) {
        Instant asOf = report.checkpoint().sealedAt();
        List<AttachedFile> files = new ArrayList<>();
        files.add(new AttachedFile(MODEL_FILE, "The complete report model (criteria, populations, exceptions, "
                + "chart data) this PDF was rendered from", "application/json", Relationship.SOURCE, asOf,
                EvidenceJson.of(report)));
        for (Section section : report.sections()) {
            files.add(new AttachedFile(exceptionsFile(section), "Exceptions of " + section.criterionId(),
                    "text/csv", Relationship.DATA, asOf, csv(section.exceptions())));
            if (section.population() != null) {
                files.add(new AttachedFile(populationFile(section), "Population tested for "
                        + section.criterionId() + " (" + section.populationSize() + " items)",
                        "text/csv", Relationship.DATA, asOf, csv(section.population())));
            }
        }
        return files;
    }

    public static String exceptionsFile(Section section) {
        return section.criterionId() + "-exceptions.csv";
    }

    public static String populationFile(Section section) {
        return section.criterionId() + "-population.csv";
    }

    private static byte[] csv(DataTable table) {
        return CsvTable.of(table.columns(), table.rows());
    }
}
