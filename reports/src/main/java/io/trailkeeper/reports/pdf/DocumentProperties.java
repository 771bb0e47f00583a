package io.trailkeeper.reports.pdf;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a document says about itself, written both to the document information dictionary and to the
 * XMP metadata so that viewers and archive software agree.
 *
 * @param title    shown as the window title and stored as dc:title
 * @param author   the producing organisation or product (dc:creator)
 * @param subject  one sentence on what the document covers (dc:description)
 * @param keywords comma-separated keywords for archive search
 * @param created  creation time; stored to the second because the PDF date format has no finer unit
 */
public record DocumentProperties(String title, String author, String subject, String keywords,
                                 Instant created) {

    public DocumentProperties {
        title = xmlSafe(Objects.requireNonNull(title, "title"));
        author = xmlSafe(Objects.requireNonNull(author, "author"));
        subject = xmlSafe(Objects.requireNonNull(subject, "subject"));
        keywords = xmlSafe(Objects.requireNonNull(keywords, "keywords"));
        created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.SECONDS);
    }

    // The values end up in XMP, which is XML: control characters and lone surrogates would make the
    // metadata unparseable, so they are replaced like unprintable characters on the page.
    private static String xmlSafe(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                out.append(Character.isWhitespace(cp) ? ' ' : '?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
