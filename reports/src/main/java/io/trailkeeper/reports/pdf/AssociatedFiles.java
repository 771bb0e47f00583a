package io.trailkeeper.reports.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds files into a PDF/A-3 document as associated files of the whole document, and reads them back.
 *
 * <p>PDF/A-3 allows any embedded file only if it says what it is and why it is there: each goes into the
 * catalog's /AF array (so it belongs to the document, not just floats in it) and into the EmbeddedFiles
 * name tree (so every viewer lists it), with /F and /UF names, a /Desc, an /AFRelationship, and an
 * embedded file stream carrying its MIME type as /Subtype and its size and dates in /Params. An auditor
 * then gets the report's data from the signed PDF itself, with no second file to keep in step.
 */
public final class AssociatedFiles {

    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

    private AssociatedFiles() {
    }

    /** Embeds {@code files} (names must be unique) next to any the document already has. */
    public static void attach(PDDocument document, List<AttachedFile> files) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        Map<String, PDComplexFileSpecification> byName = new LinkedHashMap<>(existing(catalog));
        COSArray associated = catalog.getCOSObject().getCOSArray(AF);
        if (associated == null) {
            associated = new COSArray();
            catalog.getCOSObject().setItem(AF, associated);
        }
        for (AttachedFile file : files) {
            if (byName.containsKey(file.name())) {
                throw new IllegalArgumentException("Two attached files named " + file.name());
            }
            PDComplexFileSpecification spec = specification(document, file);
            byName.put(file.name(), spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        // setNames sorts the keys, as a name tree requires.
        tree.setNames(byName);
        PDDocumentNameDictionary names = catalog.getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(catalog);
            catalog.setNames(names);
        }
        names.setEmbeddedFiles(tree);
    }

    /** The files in the catalog's /AF array, in their order there. */
    public static List<AttachedFile> read(PDDocument document) throws IOException {
        COSArray associated = document.getDocumentCatalog().getCOSObject().getCOSArray(AF);
        List<AttachedFile> files = new ArrayList<>();
        if (associated == null) {
            return files;
        }
        for (int i = 0; i < associated.size(); i++) {
            // getObject dereferences the indirect reference each entry is.
            if (associated.getObject(i) instanceof COSDictionary dictionary) {
                PDComplexFileSpecification spec = new PDComplexFileSpecification(dictionary);
                PDEmbeddedFile embedded = spec.getEmbeddedFileUnicode() != null
                        ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
                files.add(new AttachedFile(spec.getFileUnicode(), spec.getFileDescription(),
                        embedded.getSubtype(),
                        AttachedFile.Relationship.ofPdfName(dictionary.getNameAsString(AF_RELATIONSHIP)),
                        embedded.getModDate().toInstant(), embedded.toByteArray()));
            }
        }
        return files;
    }

    private static Map<String, PDComplexFileSpecification> existing(PDDocumentCatalog catalog)
            throws IOException {
        PDDocumentNameDictionary names = catalog.getNames();
        if (names == null || names.getEmbeddedFiles() == null || names.getEmbeddedFiles().getNames() == null) {
            return Map.of();
        }
        return names.getEmbeddedFiles().getNames();
    }

    private static PDComplexFileSpecification specification(PDDocument document, AttachedFile file)
            throws IOException {
        byte[] content = file.content();
        PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
        embedded.setSubtype(file.mimeType());
        embedded.setSize(content.length);
        Calendar modified = GregorianCalendar.from(file.modified().atZone(ZoneOffset.UTC));
        embedded.setCreationDate(modified);
        embedded.setModDate(modified);

        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(file.name());
        spec.setFileUnicode(file.name());
        spec.setFileDescription(file.description());
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
        spec.getCOSObject().setName(AF_RELATIONSHIP, file.relationship().pdfName());
        return spec;
    }
}
