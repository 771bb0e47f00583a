package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.AuditEventDraft;
import io.trailkeeper.trail.entity.MaskingCounts;

/**
 * Masks secrets and personal data in the free-text parts of a draft (target, reason, error and all
 * content) before it is stored. Identifiers that name things rather than describe them (agent,
 * action, model, session) are left alone; the subject identifier is pseudonymised separately.
 */
public final class DraftMasking {

    private final SensitiveDataMasking masking;

    public DraftMasking(SensitiveDataMasking masking) {
        this.masking = masking;
    }

    public MaskedDraft mask(AuditEventDraft draft) {
        MaskedText target = masking.mask(draft.target());
        MaskedText reason = masking.mask(draft.reason());
        MaskedText error = masking.mask(draft.error());
        MaskedText content = masking.maskJson(draft.contentJson());
        MaskingCounts counts = target.counts().plus(reason.counts()).plus(error.counts()).plus(content.counts());
        if (counts.total() == 0) {
            return new MaskedDraft(draft, counts);
        }
        return new MaskedDraft(new AuditEventDraft(draft.sourceEventId(), draft.occurredAt(), draft.agentId(), draft.agentName(),
                draft.agentVersion(), draft.deployment(), draft.region(), draft.subjectRef(), draft.sessionId(), draft.action(),
                target.text(), draft.result(), reason.text(), draft.humanConfirmed(), draft.model(), draft.inputTokens(), draft.outputTokens(),
                draft.latencyMs(), error.text(), draft.dataCategory(), content.text()), counts);
    }

    /** A draft whose free text is masked, and what was masked in it. */
    public record MaskedDraft(AuditEventDraft draft, MaskingCounts counts) {
    }
}
