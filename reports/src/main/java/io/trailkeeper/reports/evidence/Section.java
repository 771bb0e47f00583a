package io.trailkeeper.reports.evidence;

import java.util.Objects;

/**
 * What was checked for one criterion and what was found.
 *
 * @param criterionId    the framework's id, e.g. "CC6.1"; letters, digits, dots and dashes (it names attached files)
 * @param title          a short title of our own (never the framework's licensed text)
 * @param whatWasChecked one or two sentences on the test performed
 * @param populationSize how many items the test covered
 * @param population     the items themselves when they are listed, else null (then only counted)
 * @param result         the outcome
 * @param exceptions     each exception found; empty when there were none
 * @param chart          a chart that illustrates the test, or null
 */
public record Section(String criterionId, String title, String whatWasChecked, long populationSize,
                      DataTable population, Result result, DataTable exceptions, EvidenceChart chart) {

    /** The outcome of a criterion's test. */
    public enum Result {
        NO_EXCEPTIONS("No exceptions noted"),
        EXCEPTIONS("Exceptions noted"),
        NOT_TESTED("Not tested");

        private final String text;

        Result(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Section {
        Objects.requireNonNull(criterionId, "criterionId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(whatWasChecked, "whatWasChecked");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(exceptions, "exceptions");
        if (!criterionId.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,31}")) {
            throw new IllegalArgumentException("Not a criterion id: " + criterionId);
        }
        if (populationSize < 0) {
            throw new IllegalArgumentException("populationSize must not be negative: " + populationSize);
        }
        if (population != null && population.rows().size() != populationSize) {
            throw new IllegalArgumentException("A listed population of " + population.rows().size()
                    + " rows contradicts its size " + populationSize);
        }
        // A report saying "no exceptions" above a list of exceptions would contradict itself.
        if (result == Result.NO_EXCEPTIONS && !exceptions.rows().isEmpty()) {
            throw new IllegalArgumentException(criterionId + ": NO_EXCEPTIONS with " + exceptions.rows().size() + " exceptions");
        }
        if (result == Result.EXCEPTIONS && exceptions.rows().isEmpty()) {
            throw new IllegalArgumentException(criterionId + ": EXCEPTIONS without any exception listed");
        }
    }
}
