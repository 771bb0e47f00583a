package io.trailkeeper.ingest.store.control;

import java.util.Collection;

/**
 * Writes strings as one JSON array text, so a whole chunk's event ids travel to the database as a
 * single bound parameter (PostgreSQL's {@code json_array_elements_text}) whatever characters they hold.
 */
public final class JsonStringArray {

    private JsonStringArray() {
    }

    public static String of(Collection<String> values) {
        StringBuilder json = new StringBuilder(values.size() * 16 + 2).append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }
}
