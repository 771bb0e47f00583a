package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskingCounts;
import java.math.BigDecimal;
import java.util.function.BiFunction;

/**
 * Masks the string values of a JSON object text that is already in the compact form JSON-P's
 * generator writes, without a JSON parser: masked values are spliced into the text, everything else
 * is kept as it is. The ingest formats write all content in that form ({@link io.trailkeeper.ingest.format.json.control.CompactJson}), so this
 * is the path nearly every event takes; it does in one scan what {@link JsonStringValues} otherwise
 * does by parsing the text twice and writing it once, which was the costliest part of masking.
 *
 * <p>It gives up (returns null) on any text whose rewriting by JSON-P could differ from the text
 * itself: whitespace between tokens, escapes JSON-P would spell otherwise ({@code \/},
 * {@code \u0041}), numbers JSON-P would respell ({@code 1e5}, {@code -0}), deep nesting, or text
 * that is not JSON at all. The caller then takes the general way, so both ways give the same result
 * for every text.
 */
final class CanonicalJsonText {

    /** Deeper content goes the general way, whose parser has limits of its own. */
    private static final int MAX_DEPTH = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String text;
    private final BiFunction<String, String, MaskedText> maskValue;
    private int at;
    private StringBuilder out;
    private int copiedUpTo;
    private MaskingCounts counts = MaskingCounts.NONE;

    private CanonicalJsonText(String text, BiFunction<String, String, MaskedText> maskValue) {
        this.text = text;
        this.maskValue = maskValue;
    }

    /**
     * @param maskValue masks one string value, given the name of the member it is the value of (null in arrays)
     * @return the masked text (the text itself when nothing was masked), or null when the text is not
     *         a JSON object in compact canonical form
     */
    static MaskedText mask(String json, BiFunction<String, String, MaskedText> maskValue) {
        if (json.isEmpty() || json.charAt(0) != '{') {
            return null;
        }
        CanonicalJsonText scan = new CanonicalJsonText(json, maskValue);
        try {
            scan.object(1);
        } catch (NotCanonical e) {
            return null;
        }
        if (scan.at != json.length()) {
            return null;
        }
        if (scan.out == null) {
            return new MaskedText(json, MaskingCounts.NONE);
        }
        scan.out.append(json, scan.copiedUpTo, json.length());
        return new MaskedText(scan.out.toString(), scan.counts);
    }

    private void value(String name, int depth) {
        char c = peek();
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> stringValue(name);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object(int depth) {
        if (depth > MAX_DEPTH) {
            throw NotCanonical.INSTANCE;
        }
        at++; // {
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            if (peek() != '"') {
                throw NotCanonical.INSTANCE;
            }
            String name = string();
            expect(':');
            value(name, depth);
            char next = next();
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw NotCanonical.INSTANCE;
            }
        }
    }

    private void array(int depth) {
        if (depth > MAX_DEPTH) {
            throw NotCanonical.INSTANCE;
        }
        at++; // [
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            value(null, depth);
            char next = next();
            if (next == ']') {
                return;
            }
            if (next != ',') {
                throw NotCanonical.INSTANCE;
            }
        }
    }

    private void stringValue(String name) {
        int start = at;
        String value = string();
        MaskedText masked = maskValue.apply(name, value);
        if (masked.counts().total() == 0) {
            return;
        }
        if (out == null) {
            out = new StringBuilder(text.length() + 64);
        }
        out.append(text, copiedUpTo, start);
        appendEscaped(masked.text(), out);
        copiedUpTo = at;
        counts = counts.plus(masked.counts());
    }

    /** Reads a string token in the generator's spelling; {@link #at} is on its opening quote. */
    private String string() {
        int start = ++at;
        StringBuilder unescaped = null;
        int plainFrom = start;
        while (true) {
            char c = charAt(at);
            if (c == '"') {
                String value;
                if (unescaped == null) {
                    value = text.substring(start, at);
                } else {
                    value = unescaped.append(text, plainFrom, at).toString();
                }
                at++;
                return value;
            }
            if (c < 0x20) {
                throw NotCanonical.INSTANCE; // not JSON; the general way says so
            }
            if (c != '\\') {
                at++;
                continue;
            }
            if (unescaped == null) {
                unescaped = new StringBuilder();
            }
            unescaped.append(text, plainFrom, at);
            char escaped = charAt(at + 1);
            char meant = switch (escaped) {
                case '"' -> '"';
                case '\\' -> '\\';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> controlCharacter(at + 2);
                default -> throw NotCanonical.INSTANCE; // e.g. \/, which the generator writes as /
            };
            unescaped.append(meant);
            at += escaped == 'u' ? 6 : 2;
            plainFrom = at;
        }
    }

    /** A {@code \}{@code u} escape as the generator writes it: only for control characters without a short escape. */
    private char controlCharacter(int from) {
        if (from + 4 > text.length() || !text.startsWith("00", from)) {
            throw NotCanonical.INSTANCE;
        }
        int high = hexDigit(text.charAt(from + 2));
        int low = hexDigit(text.charAt(from + 3));
        char c = (char) (high * 16 + low);
        if (high > 1 || shortEscape(c) != 0 || text.charAt(from + 3) != HEX[low]) {
            throw NotCanonical.INSTANCE;
        }
        return c;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw NotCanonical.INSTANCE;
    }

    private static char shortEscape(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
        };
    }

    /** Writes a string token as JSON-P's generator does. */
    static void appendEscaped(String value, StringBuilder out) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, plainFrom, i);
            char escape = shortEscape(c);
            if (escape != 0) {
                out.append('\\').append(escape);
            } else {
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            plainFrom = i + 1;
        }
        out.append(value, plainFrom, value.length()).append('"');
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw NotCanonical.INSTANCE;
        }
        at += word.length();
    }

    /** A number as RFC 8259 §6 writes it, kept only when the generator would write it the same way. */
    private void number() {
        int start = at;
        boolean plainInteger = true;
        if (peekOrEnd() == '-') {
            at++;
        }
        if (peekOrEnd() == '0') {
            at++;
        } else {
            digits();
        }
        if (peekOrEnd() == '.') {
            at++;
            digits();
            plainInteger = false;
        }
        char e = peekOrEnd();
        if (e == 'e' || e == 'E') {
            at++;
            char sign = peekOrEnd();
            if (sign == '+' || sign == '-') {
                at++;
            }
            digits();
            plainInteger = false;
        }
        String number = text.substring(start, at);
        if (plainInteger ? number.equals("-0") : !new BigDecimal(number).toString().equals(number)) {
            throw NotCanonical.INSTANCE;
        }
    }

    private void digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw NotCanonical.INSTANCE;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw NotCanonical.INSTANCE;
        }
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private char peek() {
        return charAt(at);
    }

    private char peekOrEnd() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private char charAt(int index) {
        if (index >= text.length()) {
            throw NotCanonical.INSTANCE;
        }
        return text.charAt(index);
    }

    /** Not in canonical form; thrown without a stack trace, as a jump back to {@link #mask}. */
    private static final class NotCanonical extends RuntimeException {
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super(null, null, false, false);
        }
    }
}
