package io.trailkeeper.reports.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Creates empty documents that satisfy the document-level requirements of PDF/A-2b or PDF/A-3b.
 *
 * <p>Evidence must stay readable and verifiable for years, which is what PDF/A is for. This class
 * covers what a document needs once (metadata and colour); the page content stays conformant because
 * every text goes through {@link ReportFonts} (embedded fonts only) and colours are plain RGB, which
 * the sRGB output intent makes device-independent.
 */
public final class ArchivalDocument {

    /** The product named as PDF producer; versions are left out so identical input gives identical text. */
    static final String PRODUCER = "Trailkeeper reports (Apache PDFBox)";

    private static final String SRGB = "sRGB IEC61966-2.1";

    private ArchivalDocument() {
    }

    /**
     * Returns a new, page-less document with document information, XMP metadata (including the PDF/A
     * identification part 2, conformance B) and an sRGB output intent. The caller owns and closes it.
     */
    public static PDDocument create(DocumentProperties properties) throws IOException {
        return create(properties, ArchivalConformance.PDF_A_2B);
    }

    /**
     * Like {@link #create(DocumentProperties)}, declaring {@code conformance} in the XMP metadata.
     * PDF/A-3b is the level that allows embedded files of any type (see {@link AssociatedFiles}).
     */
    public static PDDocument create(DocumentProperties properties, ArchivalConformance conformance)
            throws IOException {
        PDDocument document = new PDDocument();
        try {
            // PDF/A-2 and -3 are based on ISO 32000-1 (PDF 1.7); PDFBox saves with object streams, a 1.5 feature.
            document.setVersion(1.7f);
            Calendar created = GregorianCalendar.from(properties.created().atZone(ZoneOffset.UTC));
            writeInformation(document, properties, created);
            writeXmp(document, properties, created, conformance);
            addOutputIntent(document);
            return document;
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    private static void writeInformation(PDDocument document, DocumentProperties properties,
                                         Calendar created) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(properties.title());
        info.setAuthor(properties.author());
        info.setSubject(properties.subject());
        info.setKeywords(properties.keywords());
        info.setCreator(properties.author());
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);
    }

    private static void writeXmp(PDDocument document, DocumentProperties properties, Calendar created,
                                 ArchivalConformance conformance) throws IOException {
        // Every value mirrors the information dictionary above; validators compare the two.
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();

        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(properties.title());
        dc.addCreator(properties.author());
        dc.setDescription(properties.subject());
        dc.setFormat("application/pdf");

        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        basic.setMetadataDate(created);
        basic.setCreatorTool(properties.author());

        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        pdf.setKeywords(properties.keywords());

        PDFAIdentificationSchema pdfaId = xmp.createAndAddPDFAIdentificationSchema();
        try {
            pdfaId.setPart(conformance.part());
            pdfaId.setConformance(conformance.level());
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("xmpbox rejected a constant PDF/A identification", e);
        }

        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, serialized, true);
        } catch (TransformerException e) {
            throw new IOException("Cannot serialise XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(serialized.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);
    }

    private static void addOutputIntent(PDDocument document) throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }
}
