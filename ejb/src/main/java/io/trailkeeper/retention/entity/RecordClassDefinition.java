package io.trailkeeper.retention.entity;

/** A record class as an officer adds or edits it; {@code reason} says why. */
public record RecordClassDefinition(String code, String name, String description, Boolean hipaaDocumentation,
                                    Boolean soc2Evidence, String reason) {
}
