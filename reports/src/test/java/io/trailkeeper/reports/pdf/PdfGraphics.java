package io.trailkeeper.reports.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What a page is drawn with, looked at operator by operator: the page's own content and every form
 * XObject it places (recursively), so a test can tell vector paths from images.
 */
public final class PdfGraphics {

    /** Operators of the page and of all its forms; image XObjects and fonts met on the way. */
    public record Drawing(List<String> operators, List<String> images, List<PDFont> fonts, int forms) {
    }

    private PdfGraphics() {
    }

    public static Drawing of(PDPage page) throws IOException {
        List<String> operators = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<PDFont> fonts = new ArrayList<>();
        int forms = collect(page, page.getResources(), operators, images, fonts);
        return new Drawing(operators, images, fonts, forms);
    }

    private static int collect(PDContentStream stream, PDResources resources, List<String> operators,
                               List<String> images, List<PDFont> fonts) throws IOException {
        for (Object token : new PDFStreamParser(stream).parse()) {
            if (token instanceof Operator operator) {
                operators.add(operator.getName());
            }
        }
        int forms = 0;
        if (resources == null) {
            return forms;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDImageXObject) {
                images.add(name.getName());
            } else if (xobject instanceof PDFormXObject form) {
                forms += 1 + collect(form, form.getResources(), operators, images, fonts);
            }
        }
        return forms;
    }
}
