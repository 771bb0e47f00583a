package io.trailkeeper.residency.entity;

import java.util.Objects;

/**
 * The answer to "where is this region code?": located, or explicitly unknown. There is deliberately no
 * default location: an unknown code is a finding, never a pass (issue 14).
 */
public sealed interface RegionLookup {

    String code();

    String catalogVersion();

    /** The catalog places the code in a country. */
    record Located(RegionLocation location) implements RegionLookup {
        public Located {
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String code() {
            return location.code();
        }

        @Override
        public String catalogVersion() {
            return location.catalogVersion();
        }
    }

    /**
     * The catalog cannot place the code: not listed, an unknown provider, or a code that several providers
     * use for different places. {@code provider} is null when the code was looked up alone.
     */
    record Unknown(String provider, String code, String reason, String catalogVersion) implements RegionLookup {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(catalogVersion, "catalogVersion");
        }
    }
}
