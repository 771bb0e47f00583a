package io.trailkeeper.ingest.format.json.control;

/** The whitespace that may surround a JSON line: the four JSON whitespace bytes plus FF and VT. */
public final class AsciiWhitespace {

    private AsciiWhitespace() {
    }

    public static boolean is(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == 0x0C;
    }

    public static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!is(bytes[i])) {
                return false;
            }
        }
        return true;
    }
}
