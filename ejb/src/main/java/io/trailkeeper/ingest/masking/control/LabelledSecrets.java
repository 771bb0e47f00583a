package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;

/**
 * Values written next to a secret's name: {@code password=…}, {@code api_key: …},
 * {@code "client_secret": "…"}, {@code AWS_SECRET_ACCESS_KEY=…}. The name stays readable, so an
 * auditor sees which credential was present; only the value is masked.
 *
 * <p>The text is scanned for the separators {@code =} and {@code :}; only there is the name read
 * backwards and checked against {@link SecretLabel}. Values shorter than six characters are left
 * alone: they are flags, counts and placeholders ({@code token: 812}, {@code password: none})
 * rather than credentials. A quoted value may contain spaces and runs to the closing quote; an
 * unquoted one ends at white space or at punctuation that closes the surrounding syntax.
 */
final class LabelledSecrets implements Detector {

    static final int MIN_VALUE_LENGTH = 6;
    /** Spaces tolerated around the separator, as in {@code password = x}; more is layout, not a pair. */
    private static final int MAX_PADDING = 16;

    @Override
    public MaskCategory category() {
        return MaskCategory.SECRET;
    }

    @Override
    public void find(String text, Findings findings) {
        int colon = text.indexOf(':');
        int equals = text.indexOf('=');
        while (colon >= 0 || equals >= 0) {
            int separator = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
            int next = Math.max(separator + 1, maskValue(text, separator, findings));
            if (colon >= 0 && colon < next) {
                colon = text.indexOf(':', next);
            }
            if (equals >= 0 && equals < next) {
                equals = text.indexOf('=', next);
            }
        }
    }

    /** @return where the masked value ends, or -1 when the separator does not follow a secret's name */
    private static int maskValue(String text, int separator, Findings findings) {
        int to = text.length();
        if (text.charAt(separator) == '=' && separator + 1 < to && text.charAt(separator + 1) == '=') {
            return -1; // a comparison, password == input, not an assignment
        }
        int nameEnd = skipPaddingBackwards(text, separator);
        if (nameEnd > 0 && (text.charAt(nameEnd - 1) == '"' || text.charAt(nameEnd - 1) == '\'')) {
            nameEnd--;
            if (nameEnd > 0 && text.charAt(nameEnd - 1) == '\\') {
                nameEnd--; // JSON quoted inside a JSON string: \"password\": \"…\"
            }
        }
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart <= SecretLabel.MAX_LENGTH && isNameChar(text.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (!SecretLabel.names(text, nameStart, nameEnd)) {
            return -1;
        }
        int valueStart = skipPadding(text, separator + 1, to);
        char quote = 0;
        if (valueStart + 1 < to && text.charAt(valueStart) == '\\' && text.charAt(valueStart + 1) == '"') {
            quote = '"';
            valueStart += 2;
        } else if (valueStart < to && (text.charAt(valueStart) == '"' || text.charAt(valueStart) == '\'')) {
            quote = text.charAt(valueStart);
            valueStart++;
        }
        int valueEnd = valueStart;
        if (quote != 0) {
            while (valueEnd < to && isQuotedValueChar(text.charAt(valueEnd), quote)) {
                valueEnd++;
            }
        } else {
            while (valueEnd < to && isBareValueChar(text.charAt(valueEnd))) {
                valueEnd++;
            }
        }
        if (valueEnd - valueStart < MIN_VALUE_LENGTH) {
            return -1;
        }
        findings.add(valueStart, valueEnd);
        return valueEnd;
    }

    private static int skipPaddingBackwards(String text, int at) {
        int limit = Math.max(0, at - MAX_PADDING);
        while (at > limit && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t')) {
            at--;
        }
        return at;
    }

    private static int skipPadding(String text, int at, int to) {
        int limit = Math.min(to, at + MAX_PADDING);
        while (at < limit && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }

    /** A quoted value ends at its quote, at an escape (the quoting is JSON's) or at the end of the line. */
    private static boolean isQuotedValueChar(char c, char quote) {
        return c != quote && c != '\\' && c != '\n' && c != '\r';
    }

    /** A bare value ends at white space, a quote, or punctuation that separates or closes: , ; & < > ) ] }. */
    private static boolean isBareValueChar(char c) {
        return c > ' ' && c != '"' && c != '\'' && c != '`' && c != '\\' && c != ',' && c != ';' && c != '&'
                && c != '<' && c != '>' && c != ')' && c != ']' && c != '}';
    }
}
