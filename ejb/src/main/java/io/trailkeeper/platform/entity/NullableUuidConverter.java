package io.trailkeeper.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For UUID columns that may be NULL. EclipseLink 4's built-in UUID conversion fails on a NULL value
 * when reading (NullPointerException in UUIDConverter), so nullable UUID attributes name this
 * converter, which passes drivers' UUID objects through and keeps NULL as null.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
