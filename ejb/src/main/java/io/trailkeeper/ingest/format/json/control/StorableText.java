package io.trailkeeper.ingest.format.json.control;

import io.trailkeeper.trail.entity.AuditEventDraft;

/**
 * Whether text from a record can be kept exactly as the source sent it. JSON escapes let a line
 * carry two things that cannot: U+0000, which no PostgreSQL text column holds, and an unpaired
 * surrogate (half of a UTF-16 pair, such as a lone U+D800), which is no Unicode character
 * and has no UTF-8 form, so the log's canonical encoding refuses it and a lenient encoder would
 * silently write '?' instead. Storing either fails the whole chunk it is in, and a restart fails at
 * the same chunk again; stripping or replacing the character would alter evidence. So the record is
 * rejected and kept aside with a reason, like any other malformed record.
 *
 * <p>Every format checks each text field where it reads it, through {@link RecordFields} and the
 * few places that read text past it, so that the reason names the field as it appears in the
 * record; {@link #checked(AuditEventDraft)} then checks the finished draft once more, so that a
 * value derived from several fields cannot slip through either.
 */
public final class StorableText {

    private StorableText() {
    }

    /** @return why the text cannot be stored, or null when it can (also for null) */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains U+0000 (a NUL character), which cannot be stored";
            }
            if (Character.isSurrogate(c)) {
                if (isPaired(text, i)) {
                    i++;
                    continue;
                }
                // The code unit is no personal data and tells a developer exactly what their encoder wrote.
                return String.format("contains an unpaired surrogate (\\u%04x), which is not valid Unicode", (int) c);
            }
        }
        return null;
    }

    /** @return whether the text is valid Unicode, that is, has no unpaired surrogate (null is) */
    public static boolean isWellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                if (!isPaired(text, i)) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** @return whether the surrogate at {@code i} is the high half of a pair */
    private static boolean isPaired(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /**
     * @param what names the value as it appears in the record, e.g. {@code field 'target'}
     * @throws InvalidRecordException when the text cannot be stored
     */
    public static void require(String what, String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new InvalidRecordException(what + " " + problem);
        }
    }

    /**
     * @return the draft, once every text of it is known to be storable
     * @throws InvalidRecordException naming the event field that is not
     */
    public static AuditEventDraft checked(AuditEventDraft draft) {
        require("event field 'sourceEventId'", draft.sourceEventId());
        require("event field 'agentId'", draft.agentId());
        require("event field 'agentName'", draft.agentName());
        require("event field 'agentVersion'", draft.agentVersion());
        require("event field 'deployment'", draft.deployment());
        require("event field 'region'", draft.region());
        require("event field 'subjectRef'", draft.subjectRef());
        require("event field 'sessionId'", draft.sessionId());
        require("event field 'action'", draft.action());
        require("event field 'target'", draft.target());
        require("event field 'result'", draft.result());
        require("event field 'reason'", draft.reason());
        require("event field 'model'", draft.model());
        require("event field 'error'", draft.error());
        require("event field 'dataCategory'", draft.dataCategory());
        // JSON-P writes U+0000 in content as a six-character escape, but an unpaired surrogate as it is,
        // which the UTF-8 encoding of the content before sealing would silently turn into '?'.
        require("a field kept as content", draft.contentJson());
        return draft;
    }
}
