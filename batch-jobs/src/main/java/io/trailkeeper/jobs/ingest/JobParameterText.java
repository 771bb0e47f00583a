package io.trailkeeper.jobs.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Job parameters as kept with a run's history, so a later execution of the run, in whatever
 * deployment, starts with the same ones. One {@code name=value} per line in the Properties escaping,
 * sorted by name. Parameters hold paths, ids and the names of key properties, never a credential.
 */
final class JobParameterText {

    private JobParameterText() {
    }

    static String write(Properties parameters) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, value) -> {
            Properties one = new Properties();
            one.setProperty((String) name, (String) value);
            text.append(line(one)).append('\n');
        });
        return text.toString();
    }

    static Properties read(String text) {
        Properties parameters = new Properties();
        try {
            parameters.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parameters;
    }

    /** The escaped line Properties would store, without the date comment it writes first. */
    private static String line(Properties one) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            one.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = out.toString().split("\\R");
        return lines[lines.length - 1];
    }
}
