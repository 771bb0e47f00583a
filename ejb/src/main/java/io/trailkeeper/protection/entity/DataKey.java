package io.trailkeeper.protection.entity;

import java.util.UUID;

/** An unwrapped data key, held in memory only while content is sealed or opened. */
public record DataKey(UUID id, byte[] key) {

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
