package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM private keys, masked as a whole block from the BEGIN line to the END line. A block whose
 * END line is missing, typically because a log line or prompt was cut off, is masked to the end
 * of the text: the key material runs there.
 */
final class PrivateKeyBlocks implements Detector {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    // RFC 7468 §2 (encapsulation boundaries), §10-11 ("PRIVATE KEY", "ENCRYPTED PRIVATE KEY");
    // OpenSSL's "RSA/EC/DSA PRIVATE KEY" and OpenSSH's "OPENSSH PRIVATE KEY" use the same frame;
    // RFC 4880 §6.2 armor for "PGP PRIVATE KEY BLOCK". Public keys and certificates are not secret.
    private static final Pattern HEADER = Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern FOOTER = Pattern.compile("-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----");

    @Override
    public MaskCategory category() {
        return MaskCategory.SECRET;
    }

    @Override
    public void find(String text, Findings findings) {
        int at = text.indexOf(BEGIN);
        Matcher header = null;
        while (at >= 0) {
            if (header == null) {
                header = HEADER.matcher(text);
            }
            header.region(at, text.length());
            if (header.lookingAt()) {
                int end = blockEnd(text, header.end());
                findings.add(at, end);
                at = text.indexOf(BEGIN, end);
            } else {
                at = text.indexOf(BEGIN, at + 1);
            }
        }
    }

    private static int blockEnd(String text, int from) {
        Matcher footer = FOOTER.matcher(text);
        for (int at = text.indexOf(END, from); at >= 0; at = text.indexOf(END, at + 1)) {
            footer.region(at, text.length());
            if (footer.lookingAt()) {
                return footer.end();
            }
        }
        return text.length();
    }
}
