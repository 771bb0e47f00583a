package io.trailkeeper.residency.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the model-provider catalog: where a provider processes a request sent to a code (an
 * endpoint host, a routing profile, or {@code *} for "whatever region of cloud {@code follows} the
 * deployment is in").
 *
 * @param follows the cloud whose regions locate the deployment (basis FOLLOWS_CLOUD_REGION), else null
 * @param country where it processes (other bases), else null
 */
public record ModelEndpoint(String provider, String code, LocationBasis basis, String follows,
                            String country, String source, LocalDate checked, String note) {

    /** The code of a row that stands for every region of the followed cloud. */
    public static final String ANY_REGION = "*";

    public ModelEndpoint {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(basis, "basis");
    }
}
