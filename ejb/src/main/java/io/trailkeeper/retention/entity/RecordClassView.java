package io.trailkeeper.retention.entity;

import java.util.List;

/**
 * A record class with how many events of the trail the rules put into it now, the floors that bind
 * it and how many active policies cover it.
 */
public record RecordClassView(String code, String name, String description, boolean builtIn, boolean defaultClass,
                              boolean hipaaDocumentation, boolean soc2Evidence, long events, List<LegalFloor> floors,
                              int policies) {
}
