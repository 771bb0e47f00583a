package io.trailkeeper.reports.pdf;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file carried inside a PDF/A-3 document as an associated file.
 *
 * @param name         file name shown by viewers and used to find the file again, e.g. "CC6.1-exceptions.csv"
 * @param description  one sentence on what the file holds (the file specification's /Desc)
 * @param mimeType     media type, e.g. "text/csv"; stored as the embedded file's /Subtype, which PDF/A-3 requires
 * @param relationship how the file relates to the document (/AFRelationship)
 * @param modified     when the data was produced; stored to the second, as PDF dates have no finer unit
 * @param content      the bytes, copied in and out so the record stays immutable
 */
public record AttachedFile(String name, String description, String mimeType, Relationship relationship,
                           Instant modified, byte[] content) {

    /** The /AFRelationship values an evidence report uses (ISO 32000-2, 14.13). */
    public enum Relationship {
        /** The data the document was rendered from, e.g. the model as JSON. */
        SOURCE("Source"),
        /** Data the document presents, in a machine-readable form, e.g. a table as CSV. */
        DATA("Data"),
        /** A file that supplements the document without being its source or its data. */
        SUPPLEMENT("Supplement");

        private final String pdfName;

        Relationship(String pdfName) {
            this.pdfName = pdfName;
        }

        public String pdfName() {
            return pdfName;
        }

        static Relationship ofPdfName(String pdfName) {
            for (Relationship relationship : values()) {
                if (relationship.pdfName.equals(pdfName)) {
                    return relationship;
                }
            }
            throw new IllegalArgumentException("Unknown AFRelationship " + pdfName);
        }
    }

    public AttachedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(relationship, "relationship");
        modified = Objects.requireNonNull(modified, "modified").truncatedTo(ChronoUnit.SECONDS);
        content = Objects.requireNonNull(content, "content").clone();
        // Names become keys of the EmbeddedFiles name tree and file names on an auditor's disk.
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Not a plain file name: " + name);
        }
        if (!mimeType.matches("[a-z]+/[a-z0-9.+-]+")) {
            throw new IllegalArgumentException("Not a media type: " + mimeType);
        }
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttachedFile that && name.equals(that.name)
                && description.equals(that.description) && mimeType.equals(that.mimeType)
                && relationship == that.relationship && modified.equals(that.modified)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, mimeType, relationship, modified, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "AttachedFile[" + name + ", " + mimeType + ", " + relationship + ", " + content.length + " bytes]";
    }
}
