package io.trailkeeper.retention.entity;

/**
 * A policy an officer picks instead of writing one: class, period and expiry action, with the
 * practice it follows. {@code floor} and {@code allowed} say whether the frameworks switched on let it
 * stand as it is (filled in when listed).
 */
public record PolicyPreset(String code, String recordClass, int periodDays, ExpiryAction expiryAction, String basis,
                           LegalFloor floor, boolean allowed) {

    public PolicyPreset judged(LegalFloor binding) {
        return new PolicyPreset(code, recordClass, periodDays, expiryAction, basis, binding,
                binding == null || periodDays >= binding.days());
    }
}
