package io.trailkeeper.trail.entity;

import java.io.Serializable;

/**
 * How many values of each category were masked in one event. Kept with the event because the
 * counts are the evidence behind statements such as "no credentials are stored in the AI logs":
 * the masked text itself no longer shows what was there.
 */
public record MaskingCounts(int secrets, int paymentCards, int usSsns, int emails, int phones)
        implements Serializable {

    public static final MaskingCounts NONE = new MaskingCounts(0, 0, 0, 0, 0);

    public MaskingCounts {
        if (secrets < 0 || paymentCards < 0 || usSsns < 0 || emails < 0 || phones < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public MaskingCounts plus(MaskingCounts other) {
        return new MaskingCounts(
                Math.addExact(secrets, other.secrets),
                Math.addExact(paymentCards, other.paymentCards),
                Math.addExact(usSsns, other.usSsns),
                Math.addExact(emails, other.emails),
                Math.addExact(phones, other.phones));
    }

    /** One more value of that category. */
    public MaskingCounts plus(MaskCategory category) {
        return switch (category) {
            case SECRET -> new MaskingCounts(Math.addExact(secrets, 1), paymentCards, usSsns, emails, phones);
            case PAYMENT_CARD -> new MaskingCounts(secrets, Math.addExact(paymentCards, 1), usSsns, emails, phones);
            case US_SSN -> new MaskingCounts(secrets, paymentCards, Math.addExact(usSsns, 1), emails, phones);
            case EMAIL -> new MaskingCounts(secrets, paymentCards, usSsns, Math.addExact(emails, 1), phones);
            case PHONE -> new MaskingCounts(secrets, paymentCards, usSsns, emails, Math.addExact(phones, 1));
        };
    }

    public int total() {
        return Math.addExact(Math.addExact(Math.addExact(Math.addExact(secrets, paymentCards), usSsns), emails), phones);
    }

    public int of(MaskCategory category) {
        return switch (category) {
            case SECRET -> secrets;
            case PAYMENT_CARD -> paymentCards;
            case US_SSN -> usSsns;
            case EMAIL -> emails;
            case PHONE -> phones;
        };
    }
}
