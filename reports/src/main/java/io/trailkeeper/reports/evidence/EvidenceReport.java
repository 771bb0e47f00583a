package io.trailkeeper.reports.evidence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an evidence report (such as the SOC 2 report) shows, already evaluated by the caller.
 *
 * @param title        e.g. "SOC 2 evidence report"
 * @param organisation the organisation whose agents were examined
 * @param framework    e.g. "SOC 2 (Trust Services Criteria)"
 * @param period       the period the evidence covers
 * @param scope        what was in scope, e.g. the agents and sources examined
 * @param generatedAt  when the report was generated
 * @param generatedBy  the account that generated it
 * @param checkpoint   the signed integrity checkpoint of the trail the report was built against
 * @param signer       who will sign the PDF, and whether that is a development certificate
 * @param sections     one per criterion, in the order shown; criterion ids are unique
 */
public record EvidenceReport(String title, String organisation, String framework, ReportingPeriod period,
                             String scope, Instant generatedAt, String generatedBy,
                             IntegrityCheckpoint checkpoint, Signer signer, List<Section> sections) {

    public EvidenceReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signer, "signer");
        sections = List.copyOf(sections);
        // Criterion ids name the attached files; two sections with one id would overwrite each other's data.
        Set<String> ids = new HashSet<>();
        for (Section section : sections) {
            if (!ids.add(section.criterionId())) {
                throw new IllegalArgumentException("Two sections for criterion " + section.criterionId());
            }
        }
    }

    /** The period of the evidence; the end is exclusive. */
    public record ReportingPeriod(Instant start, Instant end) {
        public ReportingPeriod {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("start must be before end: " + start + " / " + end);
            }
        }
    }

    /**
     * The tamper-evident log's checkpoint the report's data was read against: the log's size, its root
     * hash and when the checkpoint was sealed. A reader checks the same checkpoint in Trailkeeper.
     */
    public record IntegrityCheckpoint(long treeSize, String rootHash, Instant sealedAt) {
        public IntegrityCheckpoint {
            Objects.requireNonNull(rootHash, "rootHash");
            Objects.requireNonNull(sealedAt, "sealedAt");
            if (treeSize < 0) {
                throw new IllegalArgumentException("treeSize must not be negative: " + treeSize);
            }
        }
    }

    /**
     * Whose certificate will sign the PDF. {@code development} is the caller's statement that it is a
     * self-signed development certificate; the title page then says so in plain words.
     */
    public record Signer(String subject, boolean development) {
        public Signer {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** Exceptions over all sections. */
    public long exceptionCount() {
        return sections.stream().mapToLong(s -> s.exceptions().rows().size()).sum();
    }
}
