package io.trailkeeper.reports.pdf;

/**
 * The PDF/A level a document declares in its XMP metadata (and must then pass). Both are level B
 * ("basic": the page looks the same everywhere); level A would also need a tagged structure tree.
 */
public enum ArchivalConformance {
    /** PDF/A-2b: the audit-trail summary; embedded files would have to be PDF/A themselves. */
    PDF_A_2B(2, "B"),
    /** PDF/A-3b: as 2b, and files of any type may be embedded, which carries the report's data inside it. */
    PDF_A_3B(3, "B");

    private final int part;
    private final String level;

    ArchivalConformance(int part, String level) {
        this.part = part;
        this.level = level;
    }

    public int part() {
        return part;
    }

    public String level() {
        return level;
    }
}
