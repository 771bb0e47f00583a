package io.trailkeeper.web.retention;

/** A body that only says why, e.g. to retire a policy, remove a rule or release a hold. */
public record Reasoned(String reason) {

    static String of(Reasoned body) {
        return body == null ? null : body.reason();
    }
}
