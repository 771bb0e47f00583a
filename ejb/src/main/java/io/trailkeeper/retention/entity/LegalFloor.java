package io.trailkeeper.retention.entity;

/**
 * A minimum retention a framework switched on imposes on a record class: no policy may keep those
 * events for fewer {@code days}. {@code rule} names it, {@code citation} its source.
 */
public record LegalFloor(String framework, String rule, String citation, int days) {

    /** E.g. "HIPAA documentation retention (45 CFR 164.316(b)(2)(i)): at least 2192 days". */
    public String described() {
        return rule + " (" + citation + "): at least " + days + " days";
    }
}
