package io.trailkeeper.ingest.format.json.control;

import java.math.BigDecimal;

/**
 * Exact conversion of JSON numbers to {@code long}. JSON allows {@code 812.0} and {@code 8.12e2}
 * for whole numbers and {@code 1e999999999} for absurd ones; the magnitude is checked before any
 * conversion because expanding such a number would exhaust memory.
 */
public final class WholeNumber {

    /** Digits before the decimal point beyond which a value cannot fit in a {@code long}. */
    private static final int LONG_DIGITS = 19;

    /**
     * More digits than any count or duration needs. Beyond it, BigDecimal's rescaling and
     * stripping of zeros take time growing with the square of the digit count, or throw, so such
     * values are refused before any arithmetic.
     */
    static final int DIGIT_BUDGET = 64;

    private WholeNumber() {
    }

    /** @return the value, or {@code null} when it is not a whole number that fits in a long */
    public static Long exactLong(BigDecimal value) {
        if (value.signum() == 0) {
            return 0L;
        }
        if (value.precision() - value.scale() > LONG_DIGITS || !withinDigitBudget(value)) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return null;
        }
        try {
            return stripped.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** @return whether the value has few enough digits and decimal places for cheap exact arithmetic */
    public static boolean withinDigitBudget(BigDecimal value) {
        return value.precision() <= DIGIT_BUDGET && Math.abs((long) value.scale()) <= DIGIT_BUDGET;
    }

    /** @return whether the value can be rounded to a long without overflow */
    public static boolean fitsLong(BigDecimal value) {
        return value.precision() - value.scale() <= LONG_DIGITS - 1;
    }
}
